package com.guitarstudio.lessons.admin;

import static com.guitarstudio.lessons.TestHttp.fieldNames;
import static com.guitarstudio.lessons.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The run insight API: one run with its teachers, the preview of the next run, history filters. */
@IntegrationTest
class RunInsightApiTests {

    static final String RUNS = "/api/admin/background-jobs/runs/";
    static final String PREVIEW = "/api/admin/background-jobs/preview";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    TestHttp http;
    String admin;

    @BeforeEach
    void signIn() {
        studio.empty();
        studio.signInUsers();
        clock.set(IntegrationTestConfiguration.START);
        http = new TestHttp(port);
        admin = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
    }

    @Test
    void aRunAnswersWithItsWindowAndItsTeachersErrorsFirstThenByLessons() {
        studio.bulk("api", 5, 2);
        UUID busy = studio.teacherId("Teacher api3");
        studio.slot(busy, studio.student("Extra", busy), DayOfWeek.FRIDAY, LocalTime.of(12, 0), 30, 0);
        studio.teacherWithOneSlot("Zed Unknown", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);
        String id = json(http.post(AdminJobsApiTests.GENERATE, null, "Authorization", admin))
                .get("data")
                .get("jobLogId")
                .asString();

        HttpResponse<String> response = http.get(RUNS + id + "?size=3", "Authorization", admin);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(fieldNames(body)).containsExactly("success", "data");
        JsonNode data = body.get("data");
        assertThat(fieldNames(data))
                .containsExactly(
                        "id",
                        "jobName",
                        "trigger",
                        "triggeredBy",
                        "status",
                        "success",
                        "executedAt",
                        "finishedAt",
                        "durationMs",
                        "lessonsGenerated",
                        "lessonsClosed",
                        "lessonsUpdated",
                        "lessonsCancelled",
                        "lessonsHeld",
                        "teachersProcessed",
                        "slotsProcessed",
                        "errors",
                        "windowStart",
                        "windowEnd",
                        "teachersTotal",
                        "teachers",
                        "page",
                        "size",
                        "totalTeachers");
        assertThat(data.get("status").asString()).isEqualTo("PARTIAL");
        assertThat(data.get("windowStart").asString()).isEqualTo("2027-03-01T12:00:00Z");
        // the horizon (twelve weeks) and a day after the run started
        assertThat(data.get("windowEnd").asString()).isEqualTo("2027-05-25T12:00:00Z");
        assertThat(data.get("teachersTotal").asInt()).isEqualTo(6);
        assertThat(data.get("totalTeachers").asLong()).isEqualTo(6);
        assertThat(data.get("page").asInt()).isZero();
        assertThat(data.get("size").asInt()).isEqualTo(3);
        JsonNode teachers = data.get("teachers");
        assertThat(teachers).hasSize(3);
        assertThat(fieldNames(teachers.get(0)))
                .containsExactly(
                        "teacherId",
                        "teacherName",
                        "slots",
                        "lessonsGenerated",
                        "lessonsClosed",
                        "lessonsUpdated",
                        "lessonsCancelled",
                        "lessonsHeld",
                        "error");
        assertThat(teachers.get(0).get("teacherName").asString()).isEqualTo("Zed Unknown");
        assertThat(teachers.get(0).get("error").asString()).contains("Mars/Olympus_Mons");
        assertThat(teachers.get(1).get("teacherId").asString()).isEqualTo(busy.toString());
        assertThat(teachers.get(1).get("slots").asInt()).isEqualTo(3);
        assertThat(teachers.get(1).get("lessonsGenerated").asInt())
                .isGreaterThan(teachers.get(2).get("lessonsGenerated").asInt());
        assertThat(teachers.get(2).get("error").isNull()).isTrue();

        JsonNode last = json(http.get(RUNS + id + "?size=3&page=1", "Authorization", admin))
                .get("data")
                .get("teachers");
        List<String> all = new ArrayList<>();
        teachers.forEach(teacher -> all.add(teacher.get("teacherId").asString()));
        last.forEach(teacher -> all.add(teacher.get("teacherId").asString()));
        assertThat(all).doesNotHaveDuplicates().hasSize(6);

        JsonNode found = json(http.get(RUNS + id + "?search=API3", "Authorization", admin))
                .get("data");
        assertThat(found.get("totalTeachers").asLong()).isEqualTo(1);
        assertThat(found.get("teachers").get(0).get("teacherId").asString()).isEqualTo(busy.toString());
        assertThat(json(http.get(RUNS + id + "?search=%25", "Authorization", admin))
                        .get("data")
                        .get("totalTeachers")
                        .asLong())
                .as("a % is a character to find, not a wildcard")
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"3f2b8a1e-0000-4000-8000-000000000000", "not-a-uuid"})
    void anUnknownRunIs404(String id) {
        HttpResponse<String> response = http.get(RUNS + id, "Authorization", admin);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(response).get("detail").asString()).isEqualTo("There is no run with id '" + id + "'");
    }

    @Test
    void thePreviewSaysWhatTheNextRunWouldDoAndWritesNothing() {
        studio.teacherWithOneSlot("Olivia Brown", "Europe/London", DayOfWeek.WEDNESDAY, LocalTime.of(9, 0));
        studio.teacherWithOneSlot("Zed Unknown", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);

        HttpResponse<String> response = http.get(PREVIEW, "Authorization", admin);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(fieldNames(body))
                .containsExactly(
                        "success",
                        "windowStart",
                        "windowEnd",
                        "lessonsToGenerate",
                        "lessonsToClose",
                        "lessonsToUpdate",
                        "lessonsToCancel",
                        "lessonsToHold",
                        "reconcile",
                        "teachers",
                        "changes",
                        "errors");
        assertThat(body.get("lessonsToGenerate").asInt()).isEqualTo(12);
        assertThat(body.get("lessonsToClose").asInt()).isZero();
        assertThat(fieldNames(body.get("teachers").get(0)))
                .containsExactly("teacherId", "teacherName", "lessons", "changes", "error");
        assertThat(body.get("teachers").get(0).get("teacherName").asString()).isEqualTo("Olivia Brown");
        assertThat(body.get("teachers").get(0).get("lessons").asInt()).isEqualTo(12);
        assertThat(body.get("errors")).hasSize(1);
        assertThat(studio.lessonCount()).isZero();
        assertThat(jdbc.sql("select count(*) from job_log").query(Long.class).single())
                .isZero();
    }

    @Test
    void historyFiltersReturnExactlyTheMatchingRuns() {
        // Monday 1 March 2027 12:00 UTC: a run every 12 hours for 4 days, triggers and outcomes mixed
        Instant start = IntegrationTestConfiguration.START;
        List<String> triggers = List.of("CRON", "SCHEDULE", "MANUAL", "CRON");
        List<String> statuses = List.of("SUCCESS", "FAILED", "SUCCESS", "PARTIAL");
        for (int i = 0; i < 8; i++) {
            jdbc.sql("""
                    insert into job_log (job_name, trigger, status, success, executed_at, finished_at)
                    values ('generate-future-lessons', ?, ?, ? = 'SUCCESS', ?::timestamptz, ?::timestamptz)
                    """)
                    .params(
                            triggers.get(i % 4),
                            statuses.get(i % 4),
                            statuses.get(i % 4),
                            start.plus(Duration.ofHours(12L * i)).toString(),
                            start.plus(Duration.ofHours(12L * i)).toString())
                    .update();
        }

        assertThat(executedAt("status=FAILED")).containsExactly("2027-03-04T00:00:00Z", "2027-03-02T00:00:00Z");
        assertThat(executedAt("trigger=CRON")).hasSize(4);
        assertThat(executedAt("status=SUCCESS&trigger=CRON"))
                .containsExactly("2027-03-03T12:00:00Z", "2027-03-01T12:00:00Z");
        // days in the page's zone (UTC in the tests), both included
        assertThat(executedAt("from=2027-03-02&to=2027-03-03"))
                .containsExactly(
                        "2027-03-03T12:00:00Z", "2027-03-03T00:00:00Z", "2027-03-02T12:00:00Z", "2027-03-02T00:00:00Z");
        assertThat(executedAt("from=2027-03-04"))
                .containsExactly("2027-03-05T00:00:00Z", "2027-03-04T12:00:00Z", "2027-03-04T00:00:00Z");
        assertThat(executedAt("to=2027-02-28")).isEmpty();
        JsonNode second = json(http.get(AdminJobsApiTests.HISTORY + "?size=3&page=1", "Authorization", admin))
                .get("data");
        assertThat(second.get("totalRuns").asLong()).isEqualTo(8);
        assertThat(second.get("jobHistory").get(0).get("executedAt").asString()).isEqualTo("2027-03-03T12:00:00Z");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "status=DONE|status|Query parameter 'status' must be one of RUNNING, SUCCESS, PARTIAL, FAILED, SKIPPED, ABANDONED (in capitals), not 'DONE'",
                "status=success|status|Query parameter 'status' must be one of RUNNING, SUCCESS, PARTIAL, FAILED, SKIPPED, ABANDONED (in capitals), not 'success'",
                "trigger=webhook|trigger|Query parameter 'trigger' must be one of SCHEDULE, CRON, MANUAL, STARTUP (in capitals), not 'webhook'",
                "from=2027-02-30|from|Query parameter 'from' must be a date from 0001-01-01 to 9999-12-31, like 2026-11-28, not '2027-02-30'",
                "to=yesterday|to|Query parameter 'to' must be a date from 0001-01-01 to 9999-12-31, like 2026-11-28, not 'yesterday'",
                // dates Java reads but the database cannot hold (the probe's 500s)
                "from=%2B294277-01-01|from|Query parameter 'from' must be a date from 0001-01-01 to 9999-12-31, like 2026-11-28, not '+294277-01-01'",
                "to=%2B294276-12-31|to|Query parameter 'to' must be a date from 0001-01-01 to 9999-12-31, like 2026-11-28, not '+294276-12-31'",
                "from=-4714-01-01|from|Query parameter 'from' must be a date from 0001-01-01 to 9999-12-31, like 2026-11-28, not '-4714-01-01'",
                "to=-999999999-01-01|to|Query parameter 'to' must be a date from 0001-01-01 to 9999-12-31, like 2026-11-28, not '-999999999-01-01'",
                "from=0000-12-31|from|Query parameter 'from' must be a date from 0001-01-01 to 9999-12-31, like 2026-11-28, not '0000-12-31'",
                "from=2027-03-02&to=2027-03-01|to|Query parameter 'to' (2027-03-01) must not come before 'from' (2027-03-02)",
                "page=-1|page|Query parameter 'page' must be a whole number from 0 to 100000, not '-1'",
                "page=2000000000|page|Query parameter 'page' must be a whole number from 0 to 100000, not '2000000000'",
                "size=0|size|Query parameter 'size' must be a whole number from 1 to 100, not '0'",
                "size=101|size|Query parameter 'size' must be a whole number from 1 to 100, not '101'"
            })
    void aFilterThatCannotBeUsedIs400NamingTheParameter(String query, String parameter, String detail) {
        HttpResponse<String> response = http.get(AdminJobsApiTests.HISTORY + "?" + query, "Authorization", admin);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
        assertThat(problem.get("detail").asString()).isEqualTo(detail);
    }

    private List<String> executedAt(String query) {
        List<String> times = new ArrayList<>();
        json(http.get(AdminJobsApiTests.HISTORY + "?" + query, "Authorization", admin))
                .get("data")
                .get("jobHistory")
                .forEach(run -> times.add(run.get("executedAt").asString()));
        return times;
    }
}
