package com.guitarstudio.lessons.admin;

import static com.guitarstudio.lessons.TestHttp.fieldNames;
import static com.guitarstudio.lessons.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.RunGate;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The admin API of background jobs: history, health and summary, and the manual run. */
@IntegrationTest
class AdminJobsApiTests {

    static final String HISTORY = "/api/admin/background-jobs/history";
    static final String GENERATE = "/api/admin/background-jobs/generate-lessons";

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
        admin = http.bearerFor(TestUsers.ADMIN_TEACHER, TestUsers.PASSWORD);
    }

    @AfterEach
    void releaseRuns() {
        RunGate.releaseRuns();
    }

    @Test
    void aManualRunAnswersWithItsResultAndRecordsWhoAsked() {
        studio.teacherWithOneSlot("Olivia Brown", "Europe/London", DayOfWeek.WEDNESDAY, LocalTime.of(9, 0));

        HttpResponse<String> response = http.post(GENERATE, null, "Authorization", admin);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(fieldNames(body)).containsExactly("success", "message", "data");
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("message").asString()).isEqualTo("Successfully generated 12 lessons for 1 teacher");
        assertThat(fieldNames(body.get("data")))
                .containsExactly(
                        "status",
                        "lessonsGenerated",
                        "lessonsClosed",
                        "lessonsUpdated",
                        "lessonsCancelled",
                        "lessonsHeld",
                        "teachersProcessed",
                        "errors",
                        "jobLogId",
                        "durationMs");
        assertThat(body.get("data").get("status").asString()).isEqualTo("SUCCESS");
        assertThat(jdbc.sql("select trigger || ' ' || triggered_by from job_log")
                        .query(String.class)
                        .single())
                .isEqualTo("MANUAL " + TestUsers.ADMIN_TEACHER);
    }

    @Test
    void aRunWithErrorsAnswers500AndSaysSo() {
        studio.teacherWithOneSlot("Zed Unknown", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);

        HttpResponse<String> response = http.post(GENERATE, null, "Authorization", admin);

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode body = json(response);
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("message").asString()).isEqualTo("Job completed with errors");
        assertThat(body.get("data").get("status").asString()).isEqualTo("PARTIAL");
        assertThat(body.get("data").get("errors").get(0).asString()).contains("Mars/Olympus_Mons");
    }

    @Test
    void aManualRunWhileAnotherRunsGets409() throws Exception {
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        RunGate.holdRuns();
        CompletableFuture<HttpResponse<String>> first =
                CompletableFuture.supplyAsync(() -> http.post(GENERATE, null, "Authorization", admin));
        RunGate.awaitRunHeld();

        HttpResponse<String> second = http.post(GENERATE, null, "Authorization", admin);
        RunGate.releaseRuns();

        assertThat(second.statusCode()).isEqualTo(409);
        JsonNode body = json(second);
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("message").asString()).isEqualTo("Lesson generation is already running");
        assertThat(body.get("data").get("status").asString()).isEqualTo("SKIPPED");
        assertThat(body.get("data").get("runningSince").asString()).isEqualTo("2027-03-01T12:00:00Z");
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void historyPinsEveryFieldName() {
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        http.post(GENERATE, null, "Authorization", admin);

        HttpResponse<String> response = http.get(HISTORY, "Authorization", admin);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(fieldNames(body)).containsExactly("success", "data");
        JsonNode data = body.get("data");
        assertThat(fieldNames(data))
                .containsExactly("jobHistory", "systemHealth", "summary", "page", "size", "totalRuns");
        assertThat(fieldNames(data.get("jobHistory").get(0)))
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
                        "errors");
        assertThat(fieldNames(data.get("systemHealth")))
                .containsExactly("isHealthy", "issues", "suggestions", "indicators");
        assertThat(fieldNames(data.get("systemHealth").get("indicators")))
                .containsExactly(
                        "totalUsers",
                        "activeTeachers",
                        "activeStudents",
                        "activeRecurringSlots",
                        "teachersWithSettings",
                        "teachersWithoutSettings",
                        "oldSlotsCount",
                        "orphanedSlotsCount",
                        "recentLessons",
                        "upcomingLessons");
        assertThat(fieldNames(data.get("summary")))
                .containsExactly("totalJobs", "recentSuccess", "lastRun", "lastSuccess", "healthIssues");
        JsonNode run = data.get("jobHistory").get(0);
        assertThat(run.get("jobName").asString()).isEqualTo("generate-future-lessons");
        assertThat(run.get("trigger").asString()).isEqualTo("MANUAL");
        assertThat(run.get("executedAt").asString()).isEqualTo("2027-03-01T12:00:00Z");
        assertThat(run.get("lessonsGenerated").asInt()).isEqualTo(12);
        assertThat(data.get("summary").get("totalJobs").asLong()).isEqualTo(1);
        assertThat(data.get("summary").get("recentSuccess").asBoolean()).isTrue();
        assertThat(data.get("summary").get("lastSuccess").asString()).isEqualTo("2027-03-01T12:00:00Z");
        assertThat(data.get("systemHealth")
                        .get("indicators")
                        .get("activeRecurringSlots")
                        .asLong())
                .isEqualTo(1);
        assertThat(data.get("systemHealth")
                        .get("indicators")
                        .get("upcomingLessons")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void historyIsNewestFirstAndHonoursTheLimit() {
        for (int i = 0; i < 5; i++) {
            http.post(GENERATE, null, "Authorization", admin);
            clock.advance(Duration.ofHours(1));
        }

        JsonNode history = json(http.get(HISTORY + "?limit=3", "Authorization", admin))
                .get("data")
                .get("jobHistory");

        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("executedAt").asString()).isEqualTo("2027-03-01T16:00:00Z");
        assertThat(history.get(2).get("executedAt").asString()).isEqualTo("2027-03-01T14:00:00Z");
        assertThat(json(http.get(HISTORY, "Authorization", admin)).get("data").get("jobHistory"))
                .hasSize(5);
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"abc", "0", "101", "-5", "2.5", "99999999999"})
    void aLimitOutsideOneToAHundredIs400NamingTheParameter(String limit) {
        HttpResponse<String> response = http.get(HISTORY + "?limit=" + limit, "Authorization", admin);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("parameter").asString()).isEqualTo("limit");
        assertThat(problem.get("detail").asString())
                .isEqualTo("Query parameter 'limit' must be a whole number from 1 to 100, not '" + limit + "'");
    }

    @ParameterizedTest(name = "{0} {1}")
    @ValueSource(strings = {"PUT " + HISTORY, "DELETE " + HISTORY, "GET " + GENERATE, "PUT " + GENERATE})
    void otherMethodsAre405(String request) {
        String[] parts = request.split(" ");

        HttpResponse<String> response = http.send(parts[0], parts[1], null, "Authorization", admin);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void anUnknownApiPathIsA404ProblemDetail() {
        HttpResponse<String> response = http.get("/api/admin/nothing-here", "Authorization", admin);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(response).get("detail").asString()).isEqualTo("Nothing is served at /api/admin/nothing-here");
    }
}
