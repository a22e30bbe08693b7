package com.guitarstudio.lessons.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.AppInstances;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With production's HEALTH_MAX_AGE (5 s) over HTTP: requests within those seconds share one report
 * (no check runs for them), and a change to the data shows once the report it came after is 5 s old.
 */
class HealthOverHttpTests {

    private final AppInstances instances = new AppInstances();

    @AfterEach
    void stop() {
        instances.close();
    }

    @Test
    void requestsShareAReportAtMostFiveSecondsOld() {
        ConfigurableApplicationContext instance = instances.start("--app.health.max-age=5s");
        MutableClock clock = instance.getBean(MutableClock.class);
        clock.set(IntegrationTestConfiguration.START);
        StudioFixtures studio = new StudioFixtures(instance.getBean(JdbcClient.class));
        studio.empty();
        studio.signInUsers();
        TestHttp http = new TestHttp(
                ((WebServerApplicationContext) instance).getWebServer().getPort());
        String admin = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        Timer checked = instance.getBean(MeterRegistry.class)
                .get("lessons.health.report")
                .timer();

        String first = issues(http, admin);
        long reports = checked.count();
        assertThat(issues(http, admin)).isEqualTo(first);
        assertThat(http.get("/admin/background-jobs", "Cookie", "lessons_token=" + admin.substring(7))
                        .statusCode())
                .isEqualTo(200);
        assertThat(checked.count()).as("no check ran for the later requests").isEqualTo(reports);

        studio.teacherWithOneSlot("Mars", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);
        assertThat(issues(http, admin)).as("the report from before the change").isEqualTo(first);

        clock.advance(Duration.ofSeconds(5));
        assertThat(issues(http, admin)).contains("not a valid IANA zone id");
    }

    private static String issues(TestHttp http, String admin) {
        return TestHttp.json(http.get("/api/admin/background-jobs/history", "Authorization", admin))
                .get("data")
                .get("systemHealth")
                .get("issues")
                .toString();
    }
}
