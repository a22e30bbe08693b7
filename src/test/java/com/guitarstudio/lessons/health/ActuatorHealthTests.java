package com.guitarstudio.lessons.health;

import static com.guitarstudio.lessons.TestHttp.fieldNames;
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
import tools.jackson.databind.JsonNode;

/** {@code /actuator/health}: UP/DOWN for anyone, the lessonGeneration checks for admins only. */
@IntegrationTest
class ActuatorHealthTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StudioFixtures studio;

    TestHttp http;

    @BeforeEach
    void studioWithAProblem() {
        studio.empty();
        studio.signInUsers();
        http = new TestHttp(port);
        studio.teacherWithOneSlot("Mars", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);
    }

    @Test
    void anyoneSeesOnlyTheStatus() {
        HttpResponse<String> response = http.get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fieldNames(json(response))).contains("status").doesNotContain("components", "details");
        assertThat(json(response).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void aStudentSeesOnlyTheStatusToo() {
        HttpResponse<String> response =
                http.get("/actuator/health", "Authorization", http.bearerFor(TestUsers.STUDENT, TestUsers.PASSWORD));

        assertThat(fieldNames(json(response))).contains("status").doesNotContain("components", "details");
    }

    @Test
    void adminsSeeTheChecksAndDataProblemsDoNotMakeTheServiceDown() {
        HttpResponse<String> response =
                http.get("/actuator/health", "Authorization", http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode component = json(response).get("components").get("lessonGeneration");
        assertThat(component.get("status").asString()).isEqualTo("UP");
        JsonNode details = component.get("details");
        assertThat(details.get("isHealthy").asBoolean()).isFalse();
        assertThat(details.get("issues")
                        .valueStream()
                        .map(issue -> issue.get("check").asString()))
                .contains("unknown-time-zones", "stale-job")
                .doesNotContain("cron-secret");
        assertThat(details.get("indicators").get("activeRecurringSlots").asLong())
                .isEqualTo(1);
        assertThat(json(response).get("components").get("db").get("status").asString())
                .isEqualTo("UP");
    }
}
