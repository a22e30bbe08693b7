package com.guitarstudio.lessons.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.guitarstudio.lessons.AppInstances;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
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
        ConfigurableApplicationContext instance = instances.start("--app.generation.lock-lease=" + LEASE);
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
