package com.guitarstudio.lessons.cron;

import static com.guitarstudio.lessons.TestHttp.fieldNames;
import static com.guitarstudio.lessons.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.RunGate;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code /api/cron/generate-lessons} with CRON_SECRET set, as cron services call it. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CronEndpointTests {

    static final String SECRET = IntegrationTest.CRON_SECRET;
    static final String PATH = "/api/cron/generate-lessons";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    TestHttp http;

    @BeforeEach
    void emptyStudio() {
        studio.empty();
        clock.set(IntegrationTestConfiguration.START);
        http = new TestHttp(port);
    }

    @AfterEach
    void releaseRuns() {
        RunGate.releaseRuns();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET", "POST"})
    void theRightSecretRunsTheJobAndAnswersWithItsResult(String method) {
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));

        HttpResponse<String> response =
                http.send(method, PATH, null, "Authorization", "Bearer " + SECRET, "User-Agent", "vercel-cron/1.0");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(fieldNames(body))
                .containsExactly(
                        "success",
                        "status",
                        "lessonsGenerated",
                        "lessonsClosed",
                        "lessonsUpdated",
                        "lessonsCancelled",
                        "lessonsHeld",
                        "teachersProcessed",
                        "errors",
                        "jobLogId",
                        "durationMs",
                        "timestamp");
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("status").asString()).isEqualTo("SUCCESS");
        assertThat(body.get("lessonsGenerated").asInt()).isEqualTo(12);
        assertThat(body.get("teachersProcessed").asInt()).isEqualTo(1);
        assertThat(body.get("errors").isArray()).isTrue();
        assertThat(body.get("timestamp").asString()).isEqualTo("2027-03-01T12:00:00Z");
        assertThat(jdbc.sql("select trigger || ' ' || triggered_by from job_log where id = ?::uuid")
                        .param(body.get("jobLogId").asString())
                        .query(String.class)
                        .single())
                .isEqualTo("CRON vercel-cron/1.0");
    }

    @ParameterizedTest(name = "Authorization: {0}")
    @ValueSource(
            strings = {"", "Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Bearer wrong-secret", "bearer s3cr3t-cron-value"
            })
    void aMissingMalformedOrWrongSecretIsRefused(String authorization) {
        HttpResponse<String> response =
                authorization.isEmpty() ? http.get(PATH) : http.get(PATH, "Authorization", authorization);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.body()).isEqualTo("{\"success\":false,\"error\":\"Unauthorized - Invalid cron secret\"}");
        assertThat(jdbc.sql("select count(*) from job_log").query(Long.class).single())
                .isZero();
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertThat(http.get(PATH, "Authorization", "bearer " + SECRET).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aPartialRunAnswers500WithTheSameShape() {
        studio.teacherWithOneSlot("Zed Unknown", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);

        HttpResponse<String> response = http.post(PATH, null, "Authorization", "Bearer " + SECRET);

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode body = json(response);
        assertThat(fieldNames(body)).contains("success", "status", "errors", "jobLogId");
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("status").asString()).isEqualTo("PARTIAL");
        assertThat(body.get("errors").get(0).asString()).startsWith("Teacher Zed Unknown (");
    }

    @Test
    void aCallWhileARunIsInProgressGets409WithWhenThatRunStarted() throws Exception {
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        RunGate.holdRuns();
        CompletableFuture<HttpResponse<String>> first =
                CompletableFuture.supplyAsync(() -> http.get(PATH, "Authorization", "Bearer " + SECRET));
        RunGate.awaitRunHeld();

        HttpResponse<String> second = http.get(PATH, "Authorization", "Bearer " + SECRET);
        RunGate.releaseRuns();

        assertThat(second.statusCode()).isEqualTo(409);
        JsonNode body = json(second);
        assertThat(fieldNames(body)).containsExactly("success", "status", "error", "runningSince");
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("status").asString()).isEqualTo("SKIPPED");
        assertThat(body.get("error").asString()).isEqualTo("Lesson generation is already running");
        assertThat(body.get("runningSince").asString()).isEqualTo("2027-03-01T12:00:00Z");
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PUT", "DELETE", "PATCH"})
    void otherMethodsAre405WithAProblemDetail(String method) {
        HttpResponse<String> response = http.send(method, PATH, null, "Authorization", "Bearer " + SECRET);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Allow").orElseThrow()).contains("GET", "POST");
        assertThat(json(response).get("detail").asString()).contains(method);
    }

    @Test
    void theSecretNeverReachesTheLog(CapturedOutput output) {
        http.get(PATH, "Authorization", "Bearer " + SECRET);
        http.get(PATH, "Authorization", "Bearer wrong-" + SECRET);

        // the log did record both calls: the run, and the refused caller
        assertThat(output.getAll()).contains("Lesson generation SUCCESS (CRON").doesNotContain(SECRET);
    }
}
