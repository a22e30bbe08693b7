package com.guitarstudio.lessons.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.guitarstudio.lessons.AppInstances;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableTicker;
import com.guitarstudio.lessons.RunGate;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lock is a lease: a live run keeps renewing it, so others wait however long it runs; a crashed
 * holder stops renewing, so its lock lapses after one lease and the next run marks its run ABANDONED.
 * With a lease of four seconds instead of two minutes (renewed every second: a busy machine may
 * delay a renewal by a second or two without the lease lapsing).
 */
class GenerationLeaseTests {

    private static final Duration LEASE = Duration.ofSeconds(4);

    private final AppInstances instances = new AppInstances();
    private LessonGenerationService generation;
    private JdbcClient jdbc;
    private StudioFixtures studio;

    @BeforeEach
    void instanceWithAShortLease() {
        ConfigurableApplicationContext instance =
                instances.start("--app.generation.lock-lease=" + LEASE, "--app.generation.teachers-per-chunk=3");
        generation = instance.getBean(LessonGenerationService.class);
        jdbc = instance.getBean(JdbcClient.class);
        studio = new StudioFixtures(jdbc);
        studio.empty();
        studio.teacherWithOneSlot("Lease", "UTC", DayOfWeek.MONDAY, LocalTime.NOON);
    }

    @AfterEach
    void stop() {
        RunGate.releaseRuns();
        instances.close();
    }

    @Test
    void aLiveRunRenewsItsLeaseSoOtherTriggersWaitHoweverLongItRuns() throws InterruptedException {
        RunGate.holdRuns();
        CompletableFuture<GenerationResult> held =
                CompletableFuture.supplyAsync(() -> generation.run(JobTrigger.MANUAL, "held"));
        RunGate.awaitRunHeld();
        LocalDateTime firstLease = lockUntil();

        // the first lease has run out by the database's clock, and the lock is still held
        await().atMost(Duration.ofSeconds(20)).until(() -> databaseNow().isAfter(firstLease.plusSeconds(1)));
        assertThat(lockUntil()).isAfter(databaseNow());
        assertThat(generation.run(JobTrigger.CRON, "another").status()).isEqualTo(JobStatus.SKIPPED);

        RunGate.releaseRuns();
        assertThat(held.join().status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(lockUntil()).as("released at once").isBeforeOrEqualTo(databaseNow());
    }

    @Test
    void aCrashedHoldersLockLapsesAfterOneLeaseAndItsRunBecomesAbandoned() {
        UUID crashed = studio.jobLogRow("RUNNING", IntegrationTestConfiguration.START.minusSeconds(60));
        jdbc.sql("""
                insert into shedlock (name, lock_until, locked_at, locked_by)
                values (:name, timezone('utc', now()) + :lease * interval '1 second', timezone('utc', now()), 'crashed')
                """)
                .param("name", GenerationLock.NAME)
                .param("lease", LEASE.toSeconds())
                .update();
        LocalDateTime lapses = lockUntil();

        assertThat(generation.run(JobTrigger.CRON, "while held").status()).isEqualTo(JobStatus.SKIPPED);

        await().atMost(Duration.ofSeconds(20)).until(() -> databaseNow().isAfter(lapses));
        GenerationResult next = generation.run(JobTrigger.CRON, "after the lease");
        assertThat(next.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(jdbc.sql("select status from job_log where id = ?")
                        .param(crashed)
                        .query(String.class)
                        .single())
                .isEqualTo("ABANDONED");
    }

    /**
     * The lock only saves work: when a holder's lease lapses mid-run (its renewals stopped reaching
     * the database, say), another instance's run starts and both write at once. The lesson table's unique keys
     * keep every lesson once, and each is counted by the run that wrote it.
     */
    @Test
    void whenALeaseLapsesMidRunTwoRunsWriteAtOnceAndEveryLessonIsWrittenOnce() throws Exception {
        studio.bulk("lapse", 11, 2);
        int expected = generation.preview().lessonsToGenerate();
        RunGate.holdRunsAfter(3);
        CompletableFuture<GenerationResult> first =
                CompletableFuture.supplyAsync(() -> generation.run(JobTrigger.MANUAL, "first"));
        RunGate.awaitRunHeld();
        jdbc.sql("update shedlock set lock_until = timezone('utc', now()) - interval '1 second' where name = ?")
                .param(GenerationLock.NAME)
                .update();

        // another instance (one instance runs one run at a time whatever the lock says)
        LessonGenerationService other = instances
                .start("--app.generation.lock-lease=" + LEASE, "--app.generation.teachers-per-chunk=3")
                .getBean(LessonGenerationService.class);
        CompletableFuture<GenerationResult> second =
                CompletableFuture.supplyAsync(() -> other.run(JobTrigger.CRON, "second"));
        // the second run took the lock (and, finding it free, took the first run for a dead one)
        awaitRunning("second");
        RunGate.releaseRuns();

        GenerationResult one = first.get(60, TimeUnit.SECONDS);
        GenerationResult two = second.get(60, TimeUnit.SECONDS);
        assertThat(one.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(two.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(studio.lessonCount()).isEqualTo(expected);
        assertThat(one.lessonsGenerated() + two.lessonsGenerated()).isEqualTo(expected);
        // the second marked the first ABANDONED when it took the lock; the first, alive, recorded its end
        assertThat(jdbc.sql("select status || ' ' || lessons_generated from job_log where triggered_by = 'first'")
                        .query(String.class)
                        .single())
                .isEqualTo("SUCCESS " + one.lessonsGenerated());
        assertThat(jdbc.sql("select count(distinct (recurring_slot_id, start_at)) from lesson")
                        .query(Long.class)
                        .single())
                .isEqualTo(expected);
    }

    /**
     * GENERATION_LOCK_AT_MOST_FOR caps the renewals: a run that goes on longer (hung, say) lets its
     * lease lapse at that total, and another instance's trigger runs instead of being skipped for
     * ever. With the smallest cap the setting allows, one minute, most of which the ticker skips.
     */
    @Test
    void aRunHeldPastGenerationLockAtMostForLetsItsLeaseLapseThere() throws Exception {
        ConfigurableApplicationContext capped =
                instances.start("--app.generation.lock-lease=" + LEASE, "--app.generation.lock-at-most-for=PT1M");
        RunGate.holdRuns();
        CompletableFuture<GenerationResult> held = CompletableFuture.supplyAsync(
                () -> capped.getBean(LessonGenerationService.class).run(JobTrigger.MANUAL, "hung"));
        RunGate.awaitRunHeld();
        LocalDateTime renewedUntil = lockUntil();
        await().atMost(Duration.ofSeconds(20)).until(() -> lockUntil().isAfter(renewedUntil));

        // 55 s on: the renewals go on until held + lease would pass the cap, then stop
        capped.getBean(MutableTicker.class).advance(Duration.ofSeconds(55));
        await().atMost(Duration.ofSeconds(30)).until(() -> databaseNow().isAfter(lockUntil()));

        // another instance's trigger takes the lock (the gate holds it too, as a started run)
        CompletableFuture<GenerationResult> after =
                CompletableFuture.supplyAsync(() -> generation.run(JobTrigger.CRON, "after the cap"));
        awaitRunning("after the cap");
        RunGate.releaseRuns();
        assertThat(after.get(60, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(held.get(60, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.SUCCESS);
    }

    /** Waits until the run {@code triggeredBy} started has taken the lock and recorded itself RUNNING. */
    private void awaitRunning(String triggeredBy) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select status from job_log where triggered_by = ?")
                        .param(triggeredBy)
                        .query(String.class)
                        .optional()
                        .filter("RUNNING"::equals)
                        .isPresent());
    }

    private LocalDateTime lockUntil() {
        return jdbc.sql("select lock_until from shedlock where name = ?")
                .param(GenerationLock.NAME)
                .query(LocalDateTime.class)
                .single();
    }

    private LocalDateTime databaseNow() {
        return jdbc.sql("select timezone('utc', clock_timestamp())")
                .query(LocalDateTime.class)
                .single();
    }
}
