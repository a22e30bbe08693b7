package com.guitarstudio.lessons.health;

import static com.guitarstudio.lessons.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalTime;
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
        HttpResponse<String> run =
                http.post("/api/admin/background-jobs/generate-lessons", null, "Authorization", admin);
        assertThat(run.statusCode()).isEqualTo(200);

        HttpResponse<String> metrics = http.get("/actuator/prometheus", "Authorization", admin);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern(
                        "lessons_generation_seconds_count\\{[^}]*status=\"SUCCESS\"[^}]*trigger=\"MANUAL\"[^}]*} [1-9]")
                .containsPattern("lessons_generated_total(\\{[^}]*})? [1-9]")
                .contains("lessons_generation_last_success_seconds")
                .contains("hikaricp_connections");
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
    void livenessAndReadinessProbesAnswerAnyone() {
        HttpResponse<String> liveness = http.get("/actuator/health/liveness");
        HttpResponse<String> readiness = http.get("/actuator/health/readiness");

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(json(liveness).get("status").asString()).isEqualTo("UP");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json(readiness).get("status").asString()).isEqualTo("UP");
    }
}
