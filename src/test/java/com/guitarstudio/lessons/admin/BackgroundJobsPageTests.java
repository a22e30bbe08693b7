package com.guitarstudio.lessons.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.RunGate;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The admin page as a browser without JavaScript uses it, over real HTTP. */
@IntegrationTest
class BackgroundJobsPageTests {

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

    TestHttp http;
    String cookie;

    @BeforeEach
    void signedInAdmin() {
        studio.empty();
        clock.set(IntegrationTestConfiguration.START);
        studio.signInUsers();
        http = new TestHttp(port);
        cookie = "lessons_token="
                + http.bearerFor(TestUsers.ADMIN_TEACHER, TestUsers.PASSWORD).substring(7);
    }

    @Test
    void generateLessonsNowPostsRedirectsAndShowsTheResult() {
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        studio.teacherWithOneSlot("Liam Wilson", "Australia/Sydney", DayOfWeek.THURSDAY, LocalTime.of(7, 0));
        HttpResponse<String> posted = generate();

        assertThat(posted.statusCode()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/admin/background-jobs\\?run=[0-9a-f-]{36}");
        UUID run = runOf(posted);
        await().atMost(Duration.ofSeconds(30)).until(() -> !"RUNNING".equals(status(run)));

        String page = get(location.substring(location.indexOf("/admin")));
        assertThat(page).contains("Generated 24 lessons for 2 teachers in 0 ms");
        assertThat(page).contains("data-run-id=\"" + run + "\"");
        assertThat(page).doesNotContain("http-equiv=\"refresh\"");
        assertThat(jdbc.sql("select trigger || ' ' || triggered_by from job_log where id = ?")
                        .param(run)
                        .query(String.class)
                        .single())
                .isEqualTo("MANUAL " + TestUsers.ADMIN_TEACHER);
    }

    @Test
    void theCsrfCookieIsSetEvenWhenThePageIsLongerThanTheResponseBuffer() {
        // Enough history and health text that the form comes after the first flushed kilobytes.
        for (int i = 0; i < 20; i++) {
            studio.jobLogRow("SUCCESS", clock.instant().minus(Duration.ofHours(i)));
            studio.teacherWithOneSlot("Teacher without a zone " + i, "Nowhere/" + i, DayOfWeek.MONDAY, LocalTime.NOON);
        }

        HttpResponse<String> page = http.get("/admin/background-jobs", "Cookie", cookie, "Accept", "text/html");

        assertThat(page.body().length()).isGreaterThan(16 * 1024);
        assertThat(page.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("XSRF-TOKEN="));
    }

    @Test
    void theStylesheetAndOtherRequestsDoNotThrowTheFormsCsrfTokenAway() {
        TestHttp.Form form = http.form("/admin/background-jobs", cookie);

        HttpResponse<String> css = http.get("/css/app.css", "Cookie", form.cookies());
        HttpResponse<String> posted = http.submit("/admin/background-jobs/generate", form, "");

        assertThat(css.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("XSRF-TOKEN="));
        assertThat(posted.statusCode()).isEqualTo(302);
    }

    @Test
    void aFormPostWithAnExpiredOrMissingTokenIsRefusedWithAPageThatSaysSo() {
        HttpResponse<String> response = http.post(
                "/admin/background-jobs/generate",
                "_csrf=stale",
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Cookie",
                cookie,
                "Accept",
                "text/html");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("form has expired").doesNotContain("Admins only");
    }

    @Test
    void aFormPostWithoutCsrfTokenIsRefused() {
        HttpResponse<String> response = http.post(
                "/admin/background-jobs/generate",
                "",
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Cookie",
                cookie);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from job_log").query(Long.class).single())
                .isZero();
    }

    @Test
    void whileARunIsInProgressThePageShowsProgressDisablesTheButtonAndRefreshesItself() {
        UUID running = studio.jobLogRow("RUNNING", clock.instant().minus(Duration.ofMinutes(1)));
        studio.update("update job_log set teachers_total = 10, teachers_processed = 3 where id = ?", running);

        String page = get("/admin/background-jobs?run=" + running);

        assertThat(page)
                .contains("http-equiv=\"refresh\"", "3 of 10", "<progress", "value=\"30\"", "Generating lessons");
        assertThat(page).containsPattern("id=\"generate-lessons\"[^>]*disabled");
    }

    @Test
    void errorsOfARunAreListedOnThePageAndInItsDetailView() {
        studio.teacherWithOneSlot("Zed Unknown", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);
        UUID run = runOf(generate());
        await().atMost(Duration.ofSeconds(30)).until(() -> !"RUNNING".equals(status(run)));

        assertThat(get("/admin/background-jobs?run=" + run))
                .contains("1 teacher could not be processed", "Teacher Zed Unknown: unknown time zone", "1 error<")
                .doesNotContain("Teacher Zed Unknown (");
        String detail = get("/admin/background-jobs/runs/" + run);
        assertThat(detail)
                .contains("id=\"run-status\">Done, with errors<", "Mars/Olympus_Mons", "Errors (1)")
                .doesNotContain("PARTIAL", run.toString() + "<");
    }

    @Test
    void historyIsPaginated() {
        for (int i = 0; i < 25; i++) {
            studio.jobLogRow("SUCCESS", clock.instant().minus(Duration.ofHours(i)));
        }

        String first = get("/admin/background-jobs");
        String second = get("/admin/background-jobs?page=2");

        assertThat(rows(first)).isEqualTo(20);
        assertThat(first).contains("Page 1 of 2");
        assertThat(rows(second)).isEqualTo(5);
        assertThat(second).contains("Page 2 of 2");
        String third = get("/admin/background-jobs?page=3");
        assertThat(rows(third)).isZero();
    }

    @Test
    void theHistoryFilterStaysInThePageLinks() {
        for (int i = 0; i < 25; i++) {
            studio.jobLogRow("FAILED", clock.instant().minus(Duration.ofHours(i)));
        }
        for (int i = 0; i < 5; i++) {
            studio.jobLogRow("SUCCESS", clock.instant().minus(Duration.ofMinutes(30 + 60L * i)));
        }

        String failed = get("/admin/background-jobs?status=FAILED");

        assertThat(rows(failed)).isEqualTo(20);
        assertThat(failed)
                .contains("25 runs match", "Page 1 of 2", "href=\"/admin/background-jobs?status=FAILED&amp;page=2\"")
                .contains("<option value=\"FAILED\" selected=\"selected\">Failed</option>")
                .doesNotContain("badge--success\">");
        assertThat(rows(get("/admin/background-jobs?status=FAILED&page=2"))).isEqualTo(5);
        assertThat(rows(get("/admin/background-jobs?status=SUCCESS"))).isEqualTo(5);
        assertThat(get("/admin/background-jobs?status=SKIPPED")).contains("No runs match this filter.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "status=DONE|Query parameter 'status' must be one of RUNNING, SUCCESS, PARTIAL, FAILED, SKIPPED, ABANDONED (in capitals), not 'DONE'",
                "from=28.11.2026|Query parameter 'from' must be a date from 0001-01-01 to 9999-12-31, like 2026-11-28, not '28.11.2026'",
                "from=%2B294277-01-01|Query parameter 'from' must be a date from 0001-01-01 to 9999-12-31, like 2026-11-28, not '+294277-01-01'",
                "to=-4714-01-01|Query parameter 'to' must be a date from 0001-01-01 to 9999-12-31, like 2026-11-28, not '-4714-01-01'",
                "page=not-a-number|Query parameter 'page' must be a whole number from 1 to 100000, not 'not-a-number'",
                "page=2000000000|Query parameter 'page' must be a whole number from 1 to 100000, not '2000000000'"
            })
    void aFilterThePageCannotUseIs400SayingWhatToFix(String query, String problem) {
        HttpResponse<String> response =
                http.get("/admin/background-jobs?" + query, "Cookie", cookie, "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body())
                .contains(problem.replace("'", "&#39;"), "Show the whole history")
                .doesNotContain("Exception");
    }

    @Test
    void aRunsPageListsItsTeachersFiftyAtATimeWithASearchByName() {
        studio.bulk("pg", 55, 1);
        UUID run = generation.run(JobTrigger.MANUAL, null).jobLogId();

        String first = get("/admin/background-jobs/runs/" + run);
        String second = get("/admin/background-jobs/runs/" + run + "?page=2");
        String found = get("/admin/background-jobs/runs/" + run + "?search=pg5");

        assertThat(first).contains("55 teachers", "Page 1 of 2", "Planned");
        assertThat(teacherRows(first)).isEqualTo(50);
        assertThat(teacherRows(second)).isEqualTo(5);
        // pg5 and pg50 to pg55
        assertThat(found).contains("7 teachers");
        assertThat(teacherRows(found)).isEqualTo(7);
        assertThat(get("/admin/background-jobs/runs/" + run + "?search=nobody")).contains("No teacher");
    }

    @Test
    void aRunningRunsPageShowsItsProgressAndTurnsIntoTheResult() throws InterruptedException {
        studio.bulk("live", 9, 1);
        RunGate.holdRunsAfter(3);
        try {
            UUID run = runOf(generate());
            RunGate.awaitRunHeld();

            String running = get("/admin/background-jobs/runs/" + run);

            assertThat(running).contains("id=\"run-status\">Running<", "3 of 9", "http-equiv=\"refresh\"");
        } finally {
            RunGate.releaseRuns();
        }
        UUID run = jdbc.sql("select id from job_log").query(UUID.class).single();
        await().atMost(Duration.ofSeconds(30)).until(() -> !"RUNNING".equals(status(run)));
        String done = get("/admin/background-jobs/runs/" + run);
        assertThat(done).contains("id=\"run-status\">Done<", "9 teachers").doesNotContain("http-equiv=\"refresh\"");
    }

    @Test
    void thePreviewPageSaysWhatARunWouldCreateAndOffersTheButton() {
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));

        String preview = get("/admin/background-jobs/preview");

        assertThat(preview)
                .contains("Preview of the next run", "12 new lessons", "Maria Lopez", "Generate Lessons Now")
                .contains("Nothing was written to work this out.");
        assertThat(studio.lessonCount()).isZero();
        assertThat(get("/admin/background-jobs")).contains("href=\"/admin/background-jobs/preview\"");
    }

    @Test
    void thePreviewPageListsTheLessonsThatFollowTheirSlotBeforeAndAfterInTheTeachersTime() {
        UUID slot =
                studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        generation.run(JobTrigger.MANUAL, null);
        studio.update("update recurring_slot set start_time = '18:15', per_lesson_price = 2750 where id = ?", slot);

        String preview = get("/admin/background-jobs/preview");

        assertThat(preview)
                .containsPattern("id=\"preview-updated\">12</span>\\s*<span class=\"card-label\">lessons move or change"
                        + " their price to follow their slot")
                .contains("Lessons that follow their slot")
                .contains("Maria Lopez · Maria Lopez&#39;s student")
                .contains("New time and new price")
                .contains("Times are in Chicago time.")
                .contains(">Tue 2 Mar 2027, 17:30, 30 min, 25.00<")
                .contains(">Tue 2 Mar 2027, 18:15, 30 min, 27.50<");
        assertThat(preview.split("data-lesson-id=")).hasSize(13);

        UUID run = generation.run(JobTrigger.MANUAL, null).jobLogId();
        assertThat(get("/admin/background-jobs?run=" + run))
                .contains("No new lessons were needed for 1 teacher (checked in 0 ms); 12 lessons followed their slot")
                .contains("12 updated, 0 cancelled");
        assertThat(get("/admin/background-jobs/runs/" + run))
                .containsPattern("Lessons updated \\(slot changed\\)</dt><dd[^>]*>12<");
    }

    private static int teacherRows(String page) {
        return page.split("data-teacher-id=").length - 1;
    }

    @Test
    void summaryCardsNameTheZoneAndShowRelativeAndAbsoluteTimes() {
        studio.jobLogRow("SUCCESS", clock.instant().minus(Duration.ofHours(3)));

        String page = get("/admin/background-jobs");

        assertThat(page).contains("3 hours ago", "Mon 1 Mar 2027, 09:00 UTC", "Times are shown in UTC");
    }

    @Test
    void bothChartsAreServerRenderedSvg() {
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        generate();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from job_log where status = 'SUCCESS'")
                                .query(Long.class)
                                .single()
                        == 1);

        String page = get("/admin/background-jobs");

        assertThat(page)
                .contains(
                        "<svg", "Lessons generated per run, last 30 days", "Scheduled lessons per week, next 12 weeks");
        assertThat(page).contains("12 lessons, done", "1 lesson in the week from");
        assertThat(page).doesNotContain("<script");
    }

    @Test
    void theWeeklyChartFollowsEveryLessonAtOnce() {
        UUID slot =
                studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        assertThat(get("/admin/background-jobs")).contains("0 lessons in the week from 1 Mar");

        // a lesson the main app books directly
        jdbc.sql("""
                insert into lesson (teacher_id, student_id, start_at, duration_minutes, timezone)
                select teacher_id, student_id, '2027-03-03T15:00:00Z', 30, 'UTC' from recurring_slot where id = ?
                """).param(slot).update();
        assertThat(get("/admin/background-jobs")).contains("1 lesson in the week from 1 Mar");

        // a run: shown at once
        generate();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from job_log where status = 'SUCCESS'")
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(get("/admin/background-jobs")).contains("2 lessons in the week from 1 Mar");
    }

    @Test
    void anUnknownRunIsA404PageAndAnUnknownPathToo() {
        HttpResponse<String> run =
                http.get("/admin/background-jobs/runs/" + UUID.randomUUID(), "Cookie", cookie, "Accept", "text/html");
        HttpResponse<String> garbage =
                http.get("/admin/background-jobs/runs/not-a-uuid", "Cookie", cookie, "Accept", "text/html");
        HttpResponse<String> path = http.get("/admin/nothing", "Cookie", cookie, "Accept", "text/html");

        for (HttpResponse<String> response : List.of(run, garbage, path)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("Page not found").doesNotContain("Exception", "at com.");
        }
    }

    @Test
    void aStudentGetsTheForbiddenPage() {
        String student = "lessons_token="
                + http.bearerFor(TestUsers.STUDENT, TestUsers.PASSWORD).substring(7);

        HttpResponse<String> response = http.get("/admin/background-jobs", "Cookie", student, "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Admins only", "Sign in with an admin account");
    }

    @Test
    void theRootGoesToThePage() {
        HttpResponse<String> response = http.get("/", "Cookie", cookie);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/admin/background-jobs");
    }

    private String get(String path) {
        HttpResponse<String> response = http.get(path, "Cookie", cookie, "Accept", "text/html");
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private String status(UUID run) {
        return jdbc.sql("select status from job_log where id = ?")
                .param(run)
                .query(String.class)
                .single();
    }

    private static int rows(String page) {
        return page.split("data-run-id=").length - 1;
    }

    /** Clicks Generate Lessons Now as a browser would: the page's form, its CSRF token and cookies. */
    private HttpResponse<String> generate() {
        return http.submit("/admin/background-jobs/generate", http.form("/admin/background-jobs", cookie), "");
    }

    private static UUID runOf(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return UUID.fromString(location.substring(location.indexOf("run=") + 4));
    }
}
