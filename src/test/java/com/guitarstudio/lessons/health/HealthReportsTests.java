package com.guitarstudio.lessons.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.GenerationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.StudioTables;
import com.guitarstudio.lessons.generation.JobRunner;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The health report is reused for up to 30 seconds, checked afresh on demand, and dropped by a run. */
@SpringBootTest(properties = "app.health.max-age=PT30S")
@Import(GenerationTestConfiguration.class)
class HealthReportsTests {

    @Autowired
    HealthReports reports;

    @Autowired
    JobRunner runner;

    @Autowired
    StudioFixtures studio;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void freshStudio() {
        StudioTables.truncate(jdbc);
        clock.set(GenerationTestConfiguration.START);
        reports.fresh();
    }

    @Test
    void aReportIsReusedForThirtySecondsThenCheckedAgain() {
        HealthReport first = reports.current();
        studio.teacherWithOneSlot("Mars", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);

        clock.advance(Duration.ofSeconds(29));
        assertThat(reports.current()).isSameAs(first);

        clock.advance(Duration.ofSeconds(2));
        HealthReport later = reports.current();
        assertThat(later.checkedAt()).isEqualTo(GenerationTestConfiguration.START.plusSeconds(31));
        assertThat(later.issues()).extracting(HealthIssue::check).contains("unknown-time-zones");
    }

    @Test
    void freshChecksNowAndIsThenReused() {
        reports.current();
        UUID slot = studio.teacherWithOneSlot("Old", "UTC", DayOfWeek.MONDAY, LocalTime.NOON);
        studio.update("update recurring_slot set booked_at = booked_at - interval '1 year' where id = ?", slot);

        HealthReport fresh = reports.fresh();

        assertThat(fresh.issues()).extracting(HealthIssue::check).contains("old-slots");
        assertThat(reports.current()).isSameAs(fresh);
    }

    @Test
    void aRunThatWritesLessonsDropsTheReport() {
        HealthReport before = reports.current();
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));

        runner.run(JobTrigger.MANUAL, null);

        assertThat(reports.current()).isNotSameAs(before);
        assertThat(reports.current().indicators().upcomingLessons()).isEqualTo(1);
    }
}
