package com.guitarstudio.lessons.health;

import static com.guitarstudio.lessons.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.Promtool;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Prometheus metrics for admins only, and the probes orchestrators poll. */
@IntegrationTest
class ActuatorEndpointsTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StudioFixtures studio;

    @Autowired
    LessonGenerationService generation;

    private static final Pattern MANUAL_SUCCESSES =
            Pattern.compile("lessons_generation_seconds_count\\{[^}]*status=\"SUCCESS\"[^}]*trigger=\"MANUAL\"[^}]*}");
    private static final Pattern CRON_SUCCESSES =
            Pattern.compile("lessons_generation_seconds_count\\{[^}]*status=\"SUCCESS\"[^}]*trigger=\"CRON\"[^}]*}");
    private static final Pattern GENERATED = Pattern.compile("lessons_generated_total(\\{[^}]*})? ");

    TestHttp http;

    @BeforeEach
    void users() {
        studio.empty();
        studio.signInUsers();
        http = new TestHttp(port);
    }

    @Test
    void prometheusShowsTheGenerationTimerAndCounterToAdmins() {
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        String admin = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        // the counters are the application's since it started: other tests' runs count too
        String before = http.get("/actuator/prometheus", "Authorization", admin).body();
        HttpResponse<String> run =
                http.post("/api/admin/background-jobs/generate-lessons", null, "Authorization", admin);
        assertThat(run.statusCode()).isEqualTo(200);

        HttpResponse<String> metrics = http.get("/actuator/prometheus", "Authorization", admin);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(value(metrics.body(), MANUAL_SUCCESSES)).isEqualTo(value(before, MANUAL_SUCCESSES) + 1);
        // Maria's twelve Tuesdays
        assertThat(value(metrics.body(), GENERATED)).isEqualTo(value(before, GENERATED) + 12);
        // the latest start of a successful run: this one's, or a later one's of another test
        assertThat(value(metrics.body(), "lessons_generation_last_success_seconds"))
                .isGreaterThanOrEqualTo(IntegrationTestConfiguration.START.getEpochSecond());
        assertThat(metrics.body()).contains("hikaricp_connections");
    }

    @Test
    void prometheusIsRefusedToEveryoneElse() {
        assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(http.get(
                                "/actuator/prometheus",
                                "Authorization",
                                http.bearerFor(TestUsers.TEACHER, TestUsers.PASSWORD))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aScraperWithTheMetricsTokenReadsMetricsThatPromtoolAccepts() throws Exception {
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        String scraper = "Bearer " + IntegrationTest.METRICS_TOKEN;
        double before =
                value(http.get("/actuator/prometheus", "Authorization", scraper).body(), CRON_SUCCESSES);
        generation.run(JobTrigger.CRON, "curl/8");

        HttpResponse<String> metrics = http.get("/actuator/prometheus", "Authorization", scraper);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(value(metrics.body(), CRON_SUCCESSES)).isEqualTo(before + 1);
        Promtool.Result check = Promtool.checkMetrics(metrics.body());
        assertThat(check.parsed()).as(check.output()).isTrue();
        assertThat(check.output().lines())
                .as("promtool on the service's own metrics")
                .noneMatch(line -> line.startsWith("lessons_"));
    }

    @Test
    void theMetricsTokenOpensNothingButTheMetrics() {
        String token = "Bearer " + IntegrationTest.METRICS_TOKEN;

        assertThat(http.get("/api/admin/background-jobs/history", "Authorization", token)
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.get("/admin/background-jobs", "Authorization", token, "Accept", "text/html")
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> asCookie = http.get(
                "/admin/background-jobs",
                "Cookie",
                "lessons_token=" + IntegrationTest.METRICS_TOKEN,
                "Accept",
                "text/html");
        assertThat(asCookie.statusCode()).isEqualTo(302);
        assertThat(asCookie.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(http.get("/actuator/prometheus", "Authorization", "Bearer not-the-metrics-token")
                        .statusCode())
                .isEqualTo(401);
    }

    /** The value of the sample {@code series} names in a Prometheus text exposition; 0 when it has none yet. */
    static double value(String exposition, Pattern series) {
        return exposition
                .lines()
                .filter(line -> series.matcher(line).lookingAt())
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0.0);
    }

    static double value(String exposition, String name) {
        return value(exposition, Pattern.compile(Pattern.quote(name) + "(\\{[^}]*})? "));
    }

    @Test
    void livenessAndReadinessProbesAnswerAnyone() {
        HttpResponse<String> liveness = http.get("/actuator/health/liveness");
        HttpResponse<String> readiness = http.get("/actuator/health/readiness");

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(json(liveness).get("status").asString()).isEqualTo("UP");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json(readiness).get("status").asString()).isEqualTo("UP");
    }
}
