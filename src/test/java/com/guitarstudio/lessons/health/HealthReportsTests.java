package com.guitarstudio.lessons.health;

import static com.guitarstudio.lessons.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The health report is never older than the request that shows it: an admin who changes the data
 * and reloads sees the change, in the history API, on /actuator/health and after a run.
 */
@IntegrationTest
class HealthReportsTests {

    @LocalServerPort
    int port;

    @Autowired
    StudioFixtures studio;

    @Autowired
    LessonGenerationService generation;

    @Autowired
    MutableClock clock;

    TestHttp http;
    String admin;

    @BeforeEach
    void healthyStudio() {
        studio.empty();
        clock.set(IntegrationTestConfiguration.START);
        studio.signInUsers();
        http = new TestHttp(port);
        admin = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        generation.run(JobTrigger.MANUAL, null);
    }

    @Test
    void theHistoryApiShowsADataChangeInTheNextRequest() {
        // the tests' application keeps no report (app.health.max-age=0): every request checks;
        // HealthReportAgeTests shows production's five seconds
        assertThat(apiChecks()).isEmpty();
        UUID slot = studio.teacherWithOneSlot("Mars", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);
        // its teacher's zone is unknown, and so no run can give the slot its lessons either
        assertThat(apiChecks())
                .containsExactly(
                        "1 active slot is missing lessons near the end of the planning window: lesson generation has not caught up with it",
                        "1 teacher with active slots has a time zone that is not a valid IANA zone id and gets no lessons");
        assertThat(history().get("summary").get("healthIssues").asInt()).isEqualTo(2);

        studio.update("update recurring_slot set status = 'CANCELLED' where id = ?", slot);
        assertThat(apiChecks()).isEmpty();
    }

    @Test
    void actuatorHealthShowsTheChangeAtOnceToo() {
        studio.teacherWithOneSlot("Mars", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);

        JsonNode details = json(http.get("/actuator/health", "Authorization", admin))
                .get("components")
                .get("lessonGeneration")
                .get("details");

        assertThat(details.get("isHealthy").asBoolean()).isFalse();
        assertThat(details.get("issues")
                        .valueStream()
                        .map(issue -> issue.get("check").asString()))
                .containsExactly("horizon-shortfall", "unknown-time-zones");
    }

    @Test
    void aRunShowsInTheIndicatorsOfTheNextReport() {
        long upcomingBefore = history()
                .get("systemHealth")
                .get("indicators")
                .get("upcomingLessons")
                .asLong();
        studio.teacherWithOneSlot("Olivia Brown", "Europe/London", DayOfWeek.WEDNESDAY, LocalTime.of(9, 0));

        generation.run(JobTrigger.MANUAL, null);

        assertThat(history()
                        .get("systemHealth")
                        .get("indicators")
                        .get("upcomingLessons")
                        .asLong())
                .isEqualTo(upcomingBefore + 1);
    }

    private List<String> apiChecks() {
        return history()
                .get("systemHealth")
                .get("issues")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
    }

    private JsonNode history() {
        return json(http.get("/api/admin/background-jobs/history", "Authorization", admin))
                .get("data");
    }
}
