package com.guitarstudio.lessons.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.Browser;
import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestUsers;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page works with JavaScript turned off in the browser: an admin previews and generates
 * lessons, filters the history, opens a run and searches its teachers, reads a teacher's lessons a
 * week at a time, and closes a teacher's week after a preview and deletes the closure again, all by
 * links and plain forms.
 */
@IntegrationTest
class PagesWithoutJavaScriptTests {

    @LocalServerPort
    int port;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private Browser session;
    private ChromeDriver browser;

    @BeforeEach
    void twoTeachersAndABrowserWithoutScripts() {
        studio.empty();
        clock.set(IntegrationTestConfiguration.START);
        studio.signInUsers();
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        studio.teacherWithOneSlot("Priya Sharma", "Asia/Kolkata", DayOfWeek.MONDAY, LocalTime.of(18, 0));
        session = Browser.start(port, false);
        browser = session.driver();
    }

    @AfterEach
    void closeBrowser() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void anAdminDoesEverythingWithLinksAndForms() {
        browser.get("data:text/html,<title>still</title><script>document.title = 'ran'</script>");
        assertThat(browser.getTitle()).as("scripts are off").isEqualTo("still");
        session.signIn(TestUsers.ADMIN, TestUsers.PASSWORD);

        click("preview-run");
        assertThat(text("preview-lessons")).isEqualTo("25");
        click("generate-lessons");
        session.waiting()
                .until(ExpectedConditions.textMatches(
                        By.id("run-result"), Pattern.compile("^Generated", Pattern.MULTILINE)));
        assertThat(text("run-result")).startsWith("Generated 25 lessons for 2 teachers");
        assertThat(lessons()).isEqualTo(25);

        new Select(browser.findElement(By.id("filter-status"))).selectByVisibleText("Done");
        new Select(browser.findElement(By.id("filter-trigger"))).selectByVisibleText("Button");
        click("filter-history");
        assertThat(browser.getCurrentUrl()).contains("status=SUCCESS", "trigger=MANUAL");
        assertThat(browser.findElements(By.cssSelector("tr[data-run-id]"))).hasSize(1);

        follow(browser.findElement(By.cssSelector("tr[data-run-id] a")));
        browser.findElement(By.id("teacher-search")).sendKeys("priya");
        click("search-teachers");
        assertThat(browser.findElements(By.cssSelector("#run-teachers tbody tr")))
                .singleElement()
                .extracting(WebElement::getText)
                .asString()
                .startsWith("Priya Sharma");

        follow(browser.findElement(By.linkText("Priya Sharma")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Lessons of Priya Sharma");
        assertThat(text("week-title")).isEqualTo("Mon 1 Mar 2027 to Sun 7 Mar 2027, in Kolkata time");
        assertThat(text("lessons")).contains("Mon 1 Mar 2027, 18:00", "Scheduled");
        click("next-week");
        assertThat(text("week-title")).startsWith("Mon 8 Mar 2027");
        new Select(browser.findElement(By.id("pick-teacher"))).selectByVisibleText("Maria Lopez");
        click("show-lessons");
        assertThat(text("lessons")).contains("Tue 9 Mar 2027, 17:30", "Maria Lopez's student");

        session.open("/admin/background-jobs");
        click("manage-closures");
        new Select(browser.findElement(By.id("kind"))).selectByValue("TEACHER_ABSENT");
        new Select(browser.findElement(By.id("teacherId"))).selectByVisibleText("Maria Lopez");
        browser.findElement(By.id("startsOn")).sendKeys("03152027");
        browser.findElement(By.id("endsOn")).sendKeys("03212027");
        browser.findElement(By.id("reason")).sendKeys("Maria is on tour");
        click("preview-button");
        assertThat(text("preview-count"))
                .isEqualTo("1 lesson will be closed: Maria Lopez, Mon 15 Mar 2027 to Sun 21 Mar 2027.");
        assertThat(closed()).isZero();
        click("confirm");
        assertThat(text("notice")).isEqualTo("Closure saved: 1 lesson was closed.");
        assertThat(closed()).isEqualTo(1);

        follow(browser.findElement(By.cssSelector("#closures a[href*='closure=']")));
        assertThat(text("lessons")).contains("Tue 16 Mar 2027, 17:30", "Closed: Maria is on tour");
        follow(browser.findElement(By.linkText("Back to closures")));
        follow(browser.findElement(By.cssSelector("#closures a[href$='/delete']")));
        click("confirm-delete");
        assertThat(text("notice")).isEqualTo("Closure deleted: 1 lesson was given back.");
        assertThat(closed()).isZero();
    }

    /** Clicks the link or button with this id and waits for the page it leads to. */
    private void click(String id) {
        follow(browser.findElement(By.id(id)));
    }

    /**
     * Clicks a link or a form's button and waits until the page it leads to has replaced this one,
     * so the next look is at the new page.
     */
    private void follow(WebElement linkOrButton) {
        WebElement page = browser.findElement(By.tagName("html"));
        linkOrButton.click();
        session.waiting().until(ExpectedConditions.stalenessOf(page));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private long lessons() {
        return jdbc.sql("select count(*) from lesson").query(Long.class).single();
    }

    private long closed() {
        return jdbc.sql("select count(*) from lesson where status = 'CLOSED'")
                .query(Long.class)
                .single();
    }
}
