package com.guitarstudio.lessons.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.Browser;
import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestUsers;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Swagger UI in a real browser, as the README tells an admin to use it: signed in on the admin page,
 * /swagger-ui.html shows every operation (its scripts are allowed to run there, and nowhere else).
 */
@IntegrationTest
class SwaggerUiBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    StudioFixtures studio;

    private Browser browser;

    @BeforeEach
    void signedIn() {
        studio.empty();
        studio.signInUsers();
        browser = Browser.start(port);
        browser.signIn(TestUsers.ADMIN, TestUsers.PASSWORD);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aSignedInAdminSeesEveryOperation() {
        browser.open("/swagger-ui.html");

        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-summary-path")));
        List<String> paths = browser.driver().findElements(By.cssSelector(".opblock-summary-path")).stream()
                .map(WebElement::getText)
                .toList();
        browser.fullPage("swagger-ui.png");

        assertThat(paths)
                .contains(
                        "/api/admin/background-jobs/history",
                        "/api/admin/closures/{id}",
                        "/api/auth/token",
                        "/api/cron/generate-lessons",
                        "/api/admin/calendar-feeds/{id}",
                        "/calendar/{token}.ics")
                .hasSize(17);
        assertThat(browser.driver().findElement(By.cssSelector(".info .title")).getText())
                .startsWith("Lesson service API");
    }
}
