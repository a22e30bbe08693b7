package com.guitarstudio.lessons.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.AppInstances;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The history's {@code from} and {@code to} are days of the studio's zone (STUDIO_TIME_ZONE, by
 * default GENERATION_ZONE), in the API and on the page: a run at 03:00 UTC on 1 March is a run of
 * 28 February in Chicago.
 */
class HistoryZoneTests {

    private static final AppInstances instances = new AppInstances();
    private static TestHttp http;
    private static StudioFixtures studio;
    private static UUID lateOn28th;
    private static UUID earlyOn1st;

    @BeforeAll
    static void aStudioInChicago() {
        ConfigurableApplicationContext instance = instances.start("--app.pages.zone=America/Chicago");
        http = new TestHttp(
                ((WebServerApplicationContext) instance).getWebServer().getPort());
        studio = new StudioFixtures(instance.getBean(JdbcClient.class));
        studio.empty();
        studio.signInUsers();
        // Sunday 28 February, 21:00 in Chicago; Monday 1 March, 01:00 in Chicago
        lateOn28th = studio.jobLogRow("SUCCESS", Instant.parse("2027-03-01T03:00:00Z"));
        earlyOn1st = studio.jobLogRow("SUCCESS", Instant.parse("2027-03-01T07:00:00Z"));
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    void theApisDaysAreChicagoDays() {
        assertThat(apiRuns("from=2027-02-28&to=2027-02-28")).containsExactly(lateOn28th.toString());
        assertThat(apiRuns("from=2027-03-01&to=2027-03-01")).containsExactly(earlyOn1st.toString());
        assertThat(apiRuns("from=2027-03-01")).containsExactly(earlyOn1st.toString());
        assertThat(apiRuns("to=2027-02-28")).containsExactly(lateOn28th.toString());
    }

    @Test
    void thePagesDaysAreChicagoDaysToo() {
        String cookie = "lessons_token="
                + http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD).substring("Bearer ".length());

        String february = http.get("/admin/background-jobs?from=2027-02-28&to=2027-02-28", "Cookie", cookie)
                .body();

        assertThat(february).contains("data-run-id=\"" + lateOn28th + "\"").doesNotContain(earlyOn1st.toString());
    }

    private static List<String> apiRuns(String filter) {
        JsonNode history = TestHttp.json(http.get(
                        "/api/admin/background-jobs/history?" + filter,
                        "Authorization",
                        http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD)))
                .get("data")
                .get("jobHistory");
        return history.valueStream().map(run -> run.get("id").asString()).toList();
    }
}
