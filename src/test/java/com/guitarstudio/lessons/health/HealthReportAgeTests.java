package com.guitarstudio.lessons.health;

import static com.guitarstudio.lessons.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StatementCounter;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * With production's maximum age (5 s): a report is shown again while it is younger (over HTTP too:
 * requests share it, no check runs for them), checked afresh after, kept fresh in the background (cheap checks always, costly ones while someone looks), and
 * allowed to be a minute old while a run writes.
 */
@IntegrationTest
@TestPropertySource(properties = "app.health.max-age=5s")
@Import(HealthReportAgeTests.SlowCheck.class)
class HealthReportAgeTests {

    private static final Instant START = IntegrationTestConfiguration.START;

    @LocalServerPort
    int port;

    @Autowired
    HealthReports reports;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    @Autowired
    StatementCounter statements;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void healthyStudioCheckedOnce() {
        studio.empty();
        studio.signInUsers();
        clock.set(START);
        assertThat(reports.current().checkedAt()).isEqualTo(START);
    }

    @Test
    void aReportIsShownAgainWhileYoungerThanFiveSecondsThenCheckedAfresh() {
        studio.teacherWithOneSlot("Mars", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);
        clock.advance(Duration.ofSeconds(2));
        TestHttp http = new TestHttp(port);
        String admin = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);

        assertThat(reports.current().checkedAt()).isEqualTo(START);
        assertThat(reports.current().issues()).isEmpty();
        assertThat(issuesOverHttp(http, admin)).isZero();

        clock.advance(Duration.ofSeconds(3));

        assertThat(reports.current().checkedAt()).isEqualTo(START.plusSeconds(5));
        assertThat(reports.current().issues()).extracting(HealthIssue::check).contains("unknown-time-zones");
        assertThat(issuesOverHttp(http, admin)).isPositive();
    }

    /** Over HTTP: requests within those seconds share one report, and a change shows once it is 5 s old. */
    @Test
    void requestsShareAReportAtMostFiveSecondsOld() {
        TestHttp http = new TestHttp(port);
        String admin = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        long reports = checksTimed();

        String first = issues(http, admin);
        assertThat(issues(http, admin)).isEqualTo(first);
        assertThat(http.get("/admin/background-jobs", "Cookie", "lessons_token=" + admin.substring(7))
                        .statusCode())
                .isEqualTo(200);
        assertThat(checksTimed()).as("no check ran for the requests").isEqualTo(reports);

        studio.teacherWithOneSlot("Mars", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);
        assertThat(issues(http, admin)).as("the report from before the change").isEqualTo(first);

        clock.advance(Duration.ofSeconds(5));
        assertThat(issues(http, admin)).contains("not a valid IANA zone id");
    }

    private static String issues(TestHttp http, String admin) {
        return json(http.get("/api/admin/background-jobs/history", "Authorization", admin))
                .get("data")
                .get("systemHealth")
                .get("issues")
                .toString();
    }

    @Test
    void aRefreshedReportIsShownWithoutWaitingForAnyCheck() {
        clock.advance(Duration.ofSeconds(3));
        long timed = checksTimed();

        reports.refresh();

        assertThat(reports.latestCheckedAt()).hasValue(START.plusSeconds(3));
        assertThat(checksTimed())
                .as("one check, timed for the operators' dashboards")
                .isEqualTo(timed + 1);
        statements.reset();
        assertThat(reports.current().checkedAt()).isEqualTo(START.plusSeconds(3));
        assertThat(statements.executed()).as("the request waited for no check").isZero();
    }

    @Test
    void cheapChecksAreKeptFreshInTheBackgroundEvenWhenNobodyAsks() {
        clock.advance(HealthReports.KEEP_WARM.plusMinutes(1));
        Instant later = START.plus(HealthReports.KEEP_WARM).plus(Duration.ofMinutes(1));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reports.latestCheckedAt()).hasValue(later));
        statements.reset();
        assertThat(reports.current().checkedAt()).isEqualTo(later);
        assertThat(statements.executed()).as("the request waited for no check").isZero();
    }

    @Test
    void costlyChecksAreKeptFreshOnlyWhileSomeoneLooks() {
        SlowCheck.cost = Duration.ofSeconds(3); // more than half of 5 s
        Instant quiet = clock.instant().plus(HealthReports.KEEP_WARM).plus(Duration.ofMinutes(1));
        clock.advance(HealthReports.KEEP_WARM.plusMinutes(1));
        // the last report was cheap, so the refresh checks once more, and learns the checks cost 3 s
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reports.latestCheckedAt()).hasValue(quiet));

        clock.advance(Duration.ofSeconds(3));
        statements.reset();
        reports.refresh();

        assertThat(statements.executed())
                .as("nobody looked for five minutes: nothing checked")
                .isZero();
        assertThat(reports.latestCheckedAt()).hasValue(quiet);
        Instant asked = clock.instant();
        assertThat(reports.current().checkedAt()).as("the first request checks").isEqualTo(asked);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reports.latestCheckedAt())
                        .as("someone looks again: refreshed in the background")
                        .hasValueSatisfying(at -> assertThat(at).isAfter(asked)));
    }

    @Test
    void whileARunWritesAReportMayBeAMinuteOld() {
        reports.whileGenerating(() -> {
            clock.advance(Duration.ofSeconds(20));
            assertThat(reports.current().checkedAt()).isEqualTo(START);
            clock.advance(Duration.ofSeconds(41));
            assertThat(reports.current().checkedAt()).isEqualTo(START.plusSeconds(61));
            return null;
        });

        clock.advance(Duration.ofSeconds(6));
        assertThat(reports.current().checkedAt()).isEqualTo(START.plusSeconds(67));
    }

    @AfterEach
    void cheapChecksAgain() {
        SlowCheck.cost = Duration.ZERO;
    }

    /** A check that takes {@link #cost} by the application's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SlowCheck {

        static volatile Duration cost = Duration.ZERO;

        @Bean
        HealthCheck slowCheck(MutableClock clock) {
            return indicators -> {
                clock.advance(cost);
                return Optional.empty();
            };
        }
    }

    @Test
    void aReportFromAfterNowIsNotShown() {
        clock.advance(Duration.ofSeconds(10));
        reports.current();

        clock.set(START);

        assertThat(reports.current().checkedAt()).isEqualTo(START);
    }

    private long checksTimed() {
        return meters.get("lessons.health.report").timer().count();
    }

    private static long issuesOverHttp(TestHttp http, String admin) {
        return json(http.get("/api/admin/background-jobs/history", "Authorization", admin))
                .get("data")
                .get("summary")
                .get("healthIssues")
                .asLong();
    }
}
