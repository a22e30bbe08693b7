package com.guitarstudio.lessons.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.LessonRulesInSql;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A studio with terms, every-2/3/4-week slots and closures (studio-wide, per teacher, overlapping),
 * teachers in zones whose clocks change inside the window, times in gaps and overlaps. What a run
 * writes is compared, row by row, with what {@link LessonRulesInSql} (the rules written again in
 * SQL) writes for the same moment — first on a clock before the changes, then three weeks later,
 * after some of them.
 */
@IntegrationTest
class CalendarGenerationTests {

    /** Wednesday 2027-03-10: the window crosses the US (03-14), EU (03-28) and southern (04-04) changes. */
    private static final Instant BEFORE_THE_CHANGES = Instant.parse("2027-03-10T12:00:00Z");

    @Autowired
    LessonGenerationService generation;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void studioWithACalendar() {
        studio.empty();
        clock.set(BEFORE_THE_CHANGES);
        UUID ana = studio.teacher("Ana", "America/Chicago");
        slot(ana, DayOfWeek.SUNDAY, "02:30", null, null, 1); // in the spring-forward gap on 03-14
        slot(ana, DayOfWeek.TUESDAY, "17:30", "2027-03-02", null, 2);
        slot(ana, DayOfWeek.THURSDAY, "16:00", "2027-03-20", "2027-04-30", 1);
        slot(ana, DayOfWeek.MONDAY, "15:00", "2027-04-07", null, 3); // week 0 is Monday 04-12
        UUID ben = studio.teacher("Ben", "Europe/London");
        slot(ben, DayOfWeek.SUNDAY, "01:30", null, null, 1); // in the gap on 03-28
        slot(ben, DayOfWeek.FRIDAY, "18:00", "2026-12-04", null, 4);
        slot(ben, DayOfWeek.SATURDAY, "10:00", null, "2027-03-20", 1);
        UUID cleo = studio.teacher("Cleo", "Australia/Sydney");
        slot(cleo, DayOfWeek.SUNDAY, "02:30", null, null, 1); // twice on 04-04: the earlier one
        slot(cleo, DayOfWeek.WEDNESDAY, "07:00", "2027-03-10", null, 2);
        UUID dario = studio.teacher("Dario", "America/Santiago");
        slot(dario, DayOfWeek.SATURDAY, "23:30", null, null, 1); // twice on 04-03, the change is at midnight
        UUID esha = studio.teacher("Esha", "Asia/Kolkata");
        slot(esha, DayOfWeek.MONDAY, "18:00", "2027-06-14", null, 1); // starts after the window
        slot(esha, DayOfWeek.TUESDAY, "07:15", "2027-03-09", null, 2);
        studio.closure(null, LocalDate.parse("2027-04-01"), LocalDate.parse("2027-04-05"), "Easter");
        studio.closure(ben, LocalDate.parse("2027-05-01"), LocalDate.parse("2027-05-15"), "Ben on tour");
        // overlaps Easter and starts first: Ana's lessons of 04-01..04-03 are hers, 04-04..04-05 Easter's
        studio.closure(ana, LocalDate.parse("2027-03-28"), LocalDate.parse("2027-04-03"), "Ana away");
    }

    @Test
    void aRunWritesExactlyTheLessonsTheRulesGive() {
        GenerationResult result = generation.run(JobTrigger.MANUAL, null);

        assertThat(result.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(result.lessonsClosed()).isPositive();
        assertThat(closuresUsed()).isEqualTo(3);
        String job = fingerprint();

        assertThat(baselineAt(BEFORE_THE_CHANGES)).isEqualTo(job);
    }

    @Test
    void aRunThreeWeeksLaterAddsExactlyTheLessonsTheRulesGiveForThen() {
        generation.run(JobTrigger.MANUAL, null);
        Instant later = BEFORE_THE_CHANGES.plusSeconds(21 * 24 * 3600);
        clock.set(later);

        GenerationResult result = generation.run(JobTrigger.SCHEDULE, null);

        assertThat(result.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(result.lessonsGenerated()).isPositive();
        jdbc.sql("delete from lesson where start_at < ?")
                .param(Timestamp.from(later))
                .update();
        String job = fingerprint();
        assertThat(baselineAt(later)).isEqualTo(job);
    }

    /** Empties {@code lesson}, lets the SQL rules write it for a run at {@code now}, and fingerprints it. */
    private String baselineAt(Instant now) {
        jdbc.sql("delete from lesson").update();
        jdbc.sql(LessonRulesInSql.BASELINE).param("now", Timestamp.from(now)).update();
        return fingerprint();
    }

    private String fingerprint() {
        return jdbc.sql(LessonRulesInSql.FINGERPRINT).query(String.class).single();
    }

    private long closuresUsed() {
        return jdbc.sql("select count(distinct closure_id) from lesson")
                .query(Long.class)
                .single();
    }

    private void slot(UUID teacher, DayOfWeek day, String time, String startsOn, String endsOn, int interval) {
        UUID slot = studio.slot(
                teacher, studio.student("Student " + UUID.randomUUID(), teacher), day, LocalTime.parse(time), 30, 2500);
        studio.term(
                slot,
                startsOn == null ? null : LocalDate.parse(startsOn),
                endsOn == null ? null : LocalDate.parse(endsOn),
                interval);
    }
}
