package com.guitarstudio.lessons.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.guitarstudio.lessons.ConcurrentTriggers;
import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.RunGate;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TeacherRows;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How runs are recorded and kept apart: job_log rows, retention, dead runs, the lock, metrics. */
@IntegrationTest
class LessonGenerationServiceTests {

    @Autowired
    LessonGenerationService generation;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void emptyStudio() {
        studio.empty();
        clock.set(IntegrationTestConfiguration.START);
    }

    @AfterEach
    void openGate() {
        RunGate.releaseRuns();
    }

    @Test
    void aRunIsRecordedWithItsWindowCountsAndWhoAsked() {
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        studio.teacherWithOneSlot("Liam Wilson", "Australia/Sydney", DayOfWeek.THURSDAY, LocalTime.of(7, 0));

        GenerationResult result = generation.run(JobTrigger.MANUAL, "admin@studio.test");

        Map<String, Object> row = jdbc.sql("select * from job_log where id = ?")
                .param(result.jobLogId())
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("job_name", "generate-future-lessons")
                .containsEntry("trigger", "MANUAL")
                .containsEntry("triggered_by", "admin@studio.test")
                .containsEntry("status", "SUCCESS")
                .containsEntry("success", true)
                .containsEntry("lessons_generated", 24)
                .containsEntry("teachers_processed", 2)
                .containsEntry("slots_processed", 2)
                .containsEntry("teachers_total", 2)
                .containsEntry("duration_ms", 0L);
        assertThat(instant(row, "executed_at")).isEqualTo(IntegrationTestConfiguration.START);
        assertThat(instant(row, "window_start")).isEqualTo(IntegrationTestConfiguration.START);
        assertThat(instant(row, "window_end")).isEqualTo(Instant.parse("2027-05-25T12:00:00Z"));
        assertThat(instant(row, "finished_at")).isEqualTo(IntegrationTestConfiguration.START);
        assertThat(jdbc.sql("select cardinality(errors) from job_log where id = ?")
                        .param(result.jobLogId())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(result.success()).isTrue();
    }

    @Test
    void aRunsDurationIsTheApplicationClocksTimeFromItsStartToItsEnd() throws Exception {
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        RunGate.holdRuns();
        CompletableFuture<GenerationResult> running =
                CompletableFuture.supplyAsync(() -> generation.run(JobTrigger.MANUAL, null));
        RunGate.awaitRunHeld();

        clock.advance(Duration.ofMillis(83_250));
        RunGate.releaseRuns();
        GenerationResult result = running.get(60, TimeUnit.SECONDS);

        assertThat(result.durationMs()).isEqualTo(83_250);
        Map<String, Object> row = jdbc.sql("select * from job_log where id = ?")
                .param(result.jobLogId())
                .query()
                .singleRow();
        assertThat(row).containsEntry("duration_ms", 83_250L);
        assertThat(instant(row, "executed_at")).isEqualTo(IntegrationTestConfiguration.START);
        assertThat(instant(row, "finished_at")).isEqualTo(Instant.parse("2027-03-01T12:01:23.250Z"));
    }

    /**
     * A run that inserted lessons vacuums and analyses the lesson table (autovacuum would wait for 20 %
     * new rows, which a daily run never adds); a run that inserted none leaves it alone.
     */
    @Test
    void aRunThatInsertedLessonsVacuumsTheLessonTableAndOneThatInsertedNoneDoesNot() {
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        List<Long> before = vacuums();
        List<Long> once = List.of(before.get(0) + 1, before.get(1) + 1);

        generation.run(JobTrigger.MANUAL, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> vacuums().equals(once));
        generation.run(JobTrigger.MANUAL, null);

        // statistics reach the view a moment after the statement: long enough to see a second one
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> vacuums().equals(once));
    }

    /** Manual vacuums and analyses of lesson so far, as PostgreSQL's statistics show them. */
    private List<Long> vacuums() {
        return jdbc.sql("""
                        select vacuum_count, analyze_count from pg_stat_user_tables, pg_stat_clear_snapshot()
                        where relname = 'lesson'
                        """)
                .query((row, number) -> List.of(row.getLong(1), row.getLong(2)))
                .single();
    }

    @Test
    void partialRunsKeepTheirErrorsInTheJobLog() {
        UUID slot = studio.teacherWithOneSlot("Zed Unknown", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);

        GenerationResult result = generation.run(JobTrigger.CRON, "vercel-cron/1.0");

        List<String> errors = jdbc.sql("select unnest(errors) from job_log where id = ?")
                .param(result.jobLogId())
                .query(String.class)
                .list();
        assertThat(errors)
                .hasSize(1)
                .first()
                .asString()
                .startsWith("Teacher Zed Unknown (")
                .contains("Mars/Olympus_Mons");
        assertThat(errors).isEqualTo(result.errors());
        assertThat(jdbc.sql("select status || ' ' || success from job_log where id = ?")
                        .param(result.jobLogId())
                        .query(String.class)
                        .single())
                .isEqualTo("PARTIAL false");
        TeacherRows.addUpToTheRun(jdbc, result.jobLogId());
        assertThat(jdbc.sql(
                                "select teacher_name || ', ' || slots || ' slot, ' || error from job_log_teacher"
                                        + " where job_log_id = ? and teacher_id = (select teacher_id from recurring_slot where id = ?)")
                        .params(result.jobLogId(), slot)
                        .query(String.class)
                        .single())
                .isEqualTo(
                        "Zed Unknown, 1 slot, unknown time zone 'Mars/Olympus_Mons'; use an IANA zone id such as America/Chicago");
    }

    @Test
    void retentionRemovesRunsOlderThanThirtyDaysAfterEachRun() {
        UUID old = studio.jobLogRow("SUCCESS", IntegrationTestConfiguration.START.minus(Duration.ofDays(31)));
        UUID recent = studio.jobLogRow("SUCCESS", IntegrationTestConfiguration.START.minus(Duration.ofDays(29)));

        for (UUID run : List.of(old, recent)) {
            jdbc.sql(
                            "insert into job_log_teacher (job_log_id, teacher_id, teacher_name, slots) values (?, ?, 'Ann', 1)")
                    .params(run, UUID.randomUUID())
                    .update();
        }

        GenerationResult result = generation.run(JobTrigger.SCHEDULE, "schedule");

        assertThat(jdbc.sql("select id from job_log").query(UUID.class).list())
                .containsExactlyInAnyOrder(recent, result.jobLogId())
                .doesNotContain(old);
        assertThat(jdbc.sql("select distinct job_log_id from job_log_teacher")
                        .query(UUID.class)
                        .list())
                .as("teacher rows go with their run")
                .containsExactly(recent);
    }

    @Test
    void aRunningRowLeftByADeadProcessBecomesAbandonedAtTheNextRun() {
        UUID dead = studio.jobLogRow("RUNNING", IntegrationTestConfiguration.START.minus(Duration.ofHours(3)));

        generation.run(JobTrigger.SCHEDULE, "schedule");

        Map<String, Object> row = jdbc.sql("select * from job_log where id = ?")
                .param(dead)
                .query()
                .singleRow();
        assertThat(row).containsEntry("status", "ABANDONED").containsEntry("success", false);
        assertThat(instant(row, "finished_at")).isEqualTo(IntegrationTestConfiguration.START);
        assertThat(jdbc.sql("select errors[1] from job_log where id = ?")
                        .param(dead)
                        .query(String.class)
                        .single())
                .isEqualTo("The process running this job stopped before it finished");
    }

    @Test
    void deadRunsAreNotAbandonedWhileAnotherInstanceHoldsTheLock() {
        UUID running = studio.jobLogRow("RUNNING", IntegrationTestConfiguration.START);
        holdLockElsewhere();

        generation.abandonDeadRuns();

        assertThat(statusOf(running)).isEqualTo("RUNNING");
    }

    @Test
    void aTriggerFindingTheLockTakenRecordsASkippedRunWithWhenTheOtherStarted() {
        Instant otherStart = IntegrationTestConfiguration.START.minus(Duration.ofMinutes(2));
        studio.jobLogRow("RUNNING", otherStart);
        holdLockElsewhere();

        GenerationResult result = generation.run(JobTrigger.CRON, "curl/8.5.0");

        assertThat(result.status()).isEqualTo(JobStatus.SKIPPED);
        assertThat(result.success()).isFalse();
        assertThat(result.runningSince()).isEqualTo(otherStart);
        assertThat(statusOf(result.jobLogId())).isEqualTo("SKIPPED");
        assertThat(studio.lessonCount()).isZero();
    }

    @Test
    void eightTriggersAtOnceMakeOneRunAndSevenSkipsAndNoDuplicate() throws Exception {
        for (int i = 0; i < 20; i++) {
            studio.teacherWithOneSlot(
                    "Teacher " + i,
                    StudioFixtures.BULK_ZONES.get(i % StudioFixtures.BULK_ZONES.size()),
                    DayOfWeek.of(1 + i % 7),
                    LocalTime.of(8 + i % 10, 0));
        }
        List<GenerationResult> results = ConcurrentTriggers.fire(8, List.of(generation));

        assertThat(results).filteredOn(r -> r.status() == JobStatus.SUCCESS).hasSize(1);
        assertThat(results)
                .filteredOn(r -> r.status() == JobStatus.SKIPPED)
                .hasSize(7)
                .allSatisfy(r -> assertThat(r.runningSince()).isNotNull());
        assertThat(studio.lessonCount())
                .isPositive()
                .isEqualTo(results.stream()
                        .mapToInt(GenerationResult::lessonsGenerated)
                        .sum());
        assertThat(duplicateLessons(jdbc)).isZero();
        assertThat(jdbc.sql("select status, count(*) from job_log group by status")
                        .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
                        .list())
                .containsExactlyInAnyOrder(Map.entry("SUCCESS", 1), Map.entry("SKIPPED", 7));
    }

    @Test
    void runsAfterTheLockRowWasDeletedStillTakeTheLock() {
        studio.teacherWithOneSlot("Olivia Brown", "Europe/London", DayOfWeek.WEDNESDAY, LocalTime.of(9, 0));
        generation.run(JobTrigger.MANUAL, null);
        // An operator clears what looks like a stuck lock.
        jdbc.sql("delete from shedlock").update();
        clock.advance(Duration.ofDays(7));

        GenerationResult result = generation.run(JobTrigger.MANUAL, null);

        assertThat(result.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(result.lessonsGenerated()).isEqualTo(1);
    }

    @Test
    void metricsCountRunsLessonsAndTheLastSuccess() {
        // later than any run of the other tests: the gauge only moves forward
        Instant later = IntegrationTestConfiguration.START.plus(Duration.ofDays(365));
        clock.set(later);
        studio.teacherWithOneSlot("Priya Sharma", "Asia/Kolkata", DayOfWeek.FRIDAY, LocalTime.of(18, 0));
        double lessonsBefore = meters.get("lessons.generated").counter().count();
        long manualRunsBefore = timerCount("MANUAL", "SUCCESS");

        GenerationResult result = generation.run(JobTrigger.MANUAL, null);

        assertThat(timerCount("MANUAL", "SUCCESS")).isEqualTo(manualRunsBefore + 1);
        assertThat(meters.get("lessons.generated").counter().count() - lessonsBefore)
                .isEqualTo(result.lessonsGenerated());
        assertThat(meters.get("lessons.generation.last.success").gauge().value())
                .isEqualTo(later.getEpochSecond());
    }

    private long timerCount(String trigger, String status) {
        var timer = meters.find("lessons.generation")
                .tag("trigger", trigger)
                .tag("status", status)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private void holdLockElsewhere() {
        jdbc.sql("""
                insert into shedlock (name, lock_until, locked_at, locked_by)
                values ('generate-future-lessons', timezone('utc', now()) + interval '10 minutes',
                        timezone('utc', now()), 'another-instance')
                """).update();
    }

    private String statusOf(UUID id) {
        return jdbc.sql("select status from job_log where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    /** Lessons that share a slot and date, or a teacher, student and instant: never allowed. */
    static long duplicateLessons(JdbcClient jdbc) {
        return jdbc.sql("""
                select (select count(*) from (select 1 from lesson where recurring_slot_id is not null
                                              group by recurring_slot_id, occurrence_date having count(*) > 1) a)
                     + (select count(*) from (select 1 from lesson
                                              group by teacher_id, student_id, start_at having count(*) > 1) b)
                """).query(Long.class).single();
    }

    private static Instant instant(Map<String, Object> row, String column) {
        return ((Timestamp) row.get(column)).toInstant();
    }
}
