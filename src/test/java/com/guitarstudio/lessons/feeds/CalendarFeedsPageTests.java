package com.guitarstudio.lessons.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.Browser;
import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The calendar feeds page in a real browser, as an admin uses it: from the background jobs page to
 * the feeds, a link made for a student (shown once, with a Copy button that works under the page's
 * Content-Security-Policy), the link read as a calendar app would, and revoked.
 */
@IntegrationTest
class CalendarFeedsPageTests {

    @LocalServerPort
    int port;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LessonGenerationService generation;

    private Browser browser;

    @BeforeEach
    void mariaTeachesBen() {
        studio.empty();
        clock.set(IntegrationTestConfiguration.START);
        studio.signInUsers();
        UUID maria = studio.teacher("Maria Lopez", "America/Chicago");
        studio.slot(maria, studio.student("Ben Adams", maria), DayOfWeek.TUESDAY, LocalTime.of(17, 30), 30, 2500);
        generation.run(JobTrigger.MANUAL, null);
        browser = Browser.start(port);
        browser.signIn(TestUsers.ADMIN, TestUsers.PASSWORD);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdminMakesALinkCopiesItAndRevokesIt() {
        browser.open("/admin/background-jobs");
        browser.driver().findElement(By.id("manage-feeds")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/admin/calendar-feeds"));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("no-feeds")));
        assertThat(text("no-feeds")).isEqualTo("Nobody has a calendar link yet.");

        new Select(browser.driver().findElement(By.id("owner"))).selectByVisibleText("Ben Adams");
        browser.driver().findElement(By.id("create-feed")).click();

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("new-link")));
        assertThat(text("new-link-title")).isEqualTo("Calendar link for Ben Adams");
        String link = browser.driver().findElement(By.id("link")).getDomProperty("value");
        assertThat(link).matches("http://localhost:8080/calendar/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(browser.driver().getCurrentUrl())
                .as("the link never goes into an address the browser keeps")
                .doesNotContain(link.substring(link.lastIndexOf('/') + 1));
        WebElement copy = browser.driver().findElement(By.id("copy-link"));
        assertThat(copy.isDisplayed()).as("the page's own script runs").isTrue();
        copy.click();
        browser.waiting().until(ExpectedConditions.textToBe(By.id("copy-link"), "Copied"));
        assertThat(browser.invisibleButtons()).isEmpty();
        browser.fullPage("calendar-feeds/created.png");
        assertThat(rows()).containsExactly("Ben Adams | Their own lessons");

        TestHttp http = new TestHttp(port);
        String path = URI.create(link).getPath();
        HttpResponse<String> feed = http.get(path);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body())
                .contains("X-WR-CALNAME:Guitar lessons: Ben Adams", "SUMMARY:Guitar lesson with Maria Lopez");

        browser.open("/admin/calendar-feeds");
        assertThat(browser.driver().findElements(By.id("new-link")))
                .as("shown only once")
                .isEmpty();
        browser.driver()
                .findElement(By.cssSelector("button[aria-label='Revoke the calendar link of Ben Adams']"))
                .click();

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(text("notice")).startsWith("The link was revoked");
        assertThat(text("no-feeds")).isEqualTo("Nobody has a calendar link yet.");
        assertThat(http.get(path).statusCode()).isEqualTo(404);
        browser.fullPage("calendar-feeds/revoked.png");
    }

    @Test
    void makingALinkWithoutChoosingAnyoneSaysWhatToDo() {
        browser.open("/admin/calendar-feeds");
        browser.driver()
                .executeScript(
                        "arguments[0].removeAttribute('required')",
                        browser.driver().findElement(By.id("owner")));
        browser.driver().findElement(By.id("create-feed")).click();

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("form-error")));
        assertThat(text("form-error")).isEqualTo("Choose the teacher or student whose lessons the link shows.");
        assertThat(jdbc.sql("select count(*) from calendar_feed")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    private List<String> rows() {
        return browser.driver().findElements(By.cssSelector("#feeds tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream()
                        .limit(2)
                        .map(WebElement::getText)
                        .reduce((a, b) -> a + " | " + b)
                        .orElse(""))
                .toList();
    }
}
