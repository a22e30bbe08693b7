package com.guitarstudio.lessons.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.Browser;
import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestUsers;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The admin page in a real browser (headless Chromium, see {@link Browser}): sign in, read the
 * health panel, click Generate Lessons Now, see the result and the new history row; close the studio
 * after a preview; preview a run and page through its teachers. Screenshots go to {@code
 * target/screenshots/}.
 */
@IntegrationTest
class AdminPageBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    @Autowired
    LessonGenerationService generation;

    private Browser session;
    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
        session = Browser.start(port);
        browser = session.driver();
    }

    @AfterEach
    void stopBrowser() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void anAdminSignsInSeesHealthGeneratesLessonsAndSeesTheResult() throws IOException {
        clock.set(IntegrationTestConfiguration.START);
        studio.empty();
        studio.signInUsers();
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        studio.teacherWithOneSlot("Priya Sharma", "Asia/Kolkata", DayOfWeek.MONDAY, LocalTime.of(18, 0));
        UUID withoutSettings =
                studio.teacherWithOneSlot("Tom Becker", "Europe/Berlin", DayOfWeek.FRIDAY, LocalTime.of(16, 0));
        studio.update(
                "delete from teacher_lesson_settings where teacher_id = (select teacher_id from recurring_slot where id = ?)",
                withoutSettings);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get("http://localhost:" + port + "/admin/background-jobs");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("email")).sendKeys(TestUsers.ADMIN);
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("/admin/background-jobs"));
        WebElement health = browser.findElement(By.id("health"));
        assertThat(health.getText())
                .contains("1 teacher with active slots has no lesson settings")
                .contains("Open each teacher's lesson settings");
        assertThat(browser.findElements(By.cssSelector("tr[data-run-id]"))).isEmpty();
        screenshot("1-signed-in.png");
        assertThat(session.invisibleButtons()).isEmpty();
        browser.findElement(By.id("generate-lessons")).click();

        WebElement result;
        try {
            result = wait.until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#run-result.message--ok")));
        } catch (RuntimeException e) {
            screenshot("failed.png");
            Files.writeString(Browser.SCREENSHOTS.resolve("failed.html"), browser.getPageSource());
            throw e;
        }
        long lessons = jdbc.sql("select count(*) from lesson").query(Long.class).single();
        // Maria's 12 Tuesdays, Priya's 13 Mondays (18:00 in Kolkata is still ahead today), Tom's 12 Fridays
        assertThat(lessons).isEqualTo(37);
        assertThat(result.getText()).startsWith("Generated " + lessons + " lessons for 3 teachers in ");
        List<WebElement> rows = browser.findElements(By.cssSelector("tr[data-run-id]"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("Button", TestUsers.ADMIN, "Done", Long.toString(lessons));
        assertThat(browser.findElement(By.id("generate-lessons")).isEnabled()).isTrue();
        browser.manage().window().setSize(new Dimension(1280, 2600));
        screenshot("2-lessons-generated.png");
        assertThat(session.invisibleButtons()).isEmpty();
    }

    @Test
    void anAdminClosesTheStudioForAWeekAfterAPreviewAndThenDeletesTheClosure() throws IOException {
        clock.set(IntegrationTestConfiguration.START);
        studio.empty();
        studio.signInUsers();
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        generation.run(JobTrigger.MANUAL, null);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        session.signIn(TestUsers.ADMIN, TestUsers.PASSWORD);

        browser.findElement(By.id("manage-closures")).click();
        wait.until(ExpectedConditions.urlContains("/admin/closures"));
        // a date input takes what the browser's locale types; setting its value is locale-free
        browser.executeScript("arguments[0].value = '2027-03-15'", browser.findElement(By.id("startsOn")));
        browser.executeScript("arguments[0].value = '2027-03-23'", browser.findElement(By.id("endsOn")));
        browser.findElement(By.id("reason")).sendKeys("Spring break");
        browser.findElement(By.id("preview-button")).click();

        WebElement count = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-count")));
        assertThat(count.getText())
                .isEqualTo("2 lessons will be closed: Whole studio, Mon 15 Mar 2027 to Tue 23 Mar 2027.");
        assertThat(browser.findElement(By.cssSelector("#preview-lessons th")).getDomProperty("textContent"))
                .isEqualTo("When (Chicago time)");
        assertThat(browser.findElement(By.id("preview")).getText()).contains("Tue 16 Mar 2027, 17:30");
        assertThat(closedLessons()).isZero();
        screenshot("4-closure-preview.png");
        browser.findElement(By.id("confirm")).click();

        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(notice.getText()).isEqualTo("Closure saved: 2 lessons were closed.");
        assertThat(browser.findElement(By.id("closures")).getText()).contains("Spring break", "Whole studio", "2");
        assertThat(closedLessons()).isEqualTo(2);
        screenshot("5-closure-saved.png");

        browser.findElement(By.cssSelector("#closures a[href$=\"/delete\"]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-delete")))
                .click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")))
                        .getText())
                .isEqualTo("Closure deleted: 2 lessons were given back.");
        assertThat(closedLessons()).isZero();
    }

    /**
     * Preview first (nothing written), then Generate Lessons Now, then from the history the run's
     * page: its teachers a page at a time (55 of them, 50 per page), and a search by name.
     */
    @Test
    void anAdminPreviewsTheNextRunThenOpensTheRunAndPagesThroughItsTeachers() throws IOException {
        clock.set(IntegrationTestConfiguration.START);
        studio.empty();
        studio.signInUsers();
        studio.bulk("browser", 55, 1);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        session.signIn(TestUsers.ADMIN, TestUsers.PASSWORD);

        browser.findElement(By.id("preview-run")).click();
        WebElement toGenerate = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-lessons")));
        long expected = Long.parseLong(toGenerate.getText());
        assertThat(expected).isPositive();
        assertThat(browser.findElements(By.cssSelector("#preview-teachers tbody tr")))
                .hasSize(55);
        assertThat(jdbc.sql("select count(*) from lesson").query(Long.class).single())
                .isZero();
        screenshot("6-preview.png");
        browser.findElement(By.id("generate-lessons")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#run-result.message--ok")));
        assertThat(jdbc.sql("select count(*) from lesson").query(Long.class).single())
                .isEqualTo(expected);

        browser.findElement(By.cssSelector("tr[data-run-id] a")).click();
        wait.until(ExpectedConditions.urlContains("/admin/background-jobs/runs/"));
        assertThat(browser.findElement(By.id("run-lessons")).getText()).isEqualTo(Long.toString(expected));
        assertThat(browser.findElement(By.id("teacher-count")).getText()).isEqualTo("55 teachers");
        List<String> firstPage = teacherIds();
        assertThat(firstPage).hasSize(50);
        screenshot("7-run-teachers.png");
        browser.findElement(By.id("teachers-next")).click();
        wait.until(ExpectedConditions.urlContains("page=2"));
        List<String> secondPage = teacherIds();
        assertThat(secondPage).hasSize(5).doesNotContainAnyElementsOf(firstPage);

        browser.findElement(By.id("teacher-search")).sendKeys("browser17");
        browser.findElement(By.id("search-teachers")).click();
        wait.until(ExpectedConditions.urlContains("search=browser17"));
        assertThat(browser.findElements(By.cssSelector("#run-teachers tbody tr")))
                .singleElement()
                .extracting(WebElement::getText)
                .asString()
                .startsWith("Teacher browser17");
    }

    private List<String> teacherIds() {
        return browser.findElements(By.cssSelector("#run-teachers tbody tr")).stream()
                .map(row -> row.getAttribute("data-teacher-id"))
                .toList();
    }

    private long closedLessons() {
        return jdbc.sql("select count(*) from lesson where status = 'CLOSED'")
                .query(Long.class)
                .single();
    }

    @Test
    void thePageIsReadableOnAPhone() throws IOException {
        studio.empty();
        studio.signInUsers();
        session.resize(390, 844);
        session.signIn(TestUsers.ADMIN, TestUsers.PASSWORD);

        long pageWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        long viewport = (Long) browser.executeScript("return window.innerWidth");

        assertThat(pageWidth).as("no sideways scrolling").isLessThanOrEqualTo(viewport);
        assertThat(browser.findElement(By.id("generate-lessons")).isDisplayed()).isTrue();
        screenshot("3-phone.png");
    }

    private Path screenshot(String name) {
        return session.screenshot(name);
    }
}
