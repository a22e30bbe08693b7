package com.guitarstudio.lessons.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.RunGate;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.generation.GenerationResult;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Closure changes racing a run: a run is held between two of its chunks, then a barrier lets it go
 * on at the moment a closure is created or deleted, many times and at different chunks, so the
 * change lands before, during and after a chunk's write. Whatever the order, afterwards no
 * SCHEDULED lesson lies inside a closure of its teacher, no CLOSED lesson lies outside its closure,
 * and no lesson is lost.
 */
@IntegrationTest
class ClosureRaceTests {

    private static final int ROUNDS = 24;
    private static final int TEACHERS = 60;
    private static final int SLOTS_EACH = 4;

    @Autowired
    LessonGenerationService generation;

    @Autowired
    ClosureService closures;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private final NewClosure springBreak = new NewClosure(
            null,
            ClosureKind.STUDIO_CLOSED,
            LocalDate.parse("2027-03-10"),
            LocalDate.parse("2027-04-04"),
            "Spring break");

    @Test
    void aClosureCreatedOrDeletedDuringARunLeavesEveryLessonOnTheRightSide() throws Exception {
        clock.set(IntegrationTestConfiguration.START);
        studio.empty();
        studio.bulk("race", TEACHERS, SLOTS_EACH);
        generation.run(JobTrigger.MANUAL, "count");
        long lessons = studio.lessonCount();
        for (int round = 0; round < ROUNDS; round++) {
            studio.update("delete from lesson");
            studio.update("delete from studio_closure");
            boolean creating = round % 2 == 0;
            UUID existing = creating
                    ? null
                    : closures.create(springBreak, "test").closure().id();
            // the run stops between two chunks, a different pair each round; then the barrier lets it
            // go on at the moment the closure change starts
            RunGate.holdRunsAfter(IntegrationTest.TEACHERS_PER_CHUNK * (1 + round % 8));
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<GenerationResult> run =
                    CompletableFuture.supplyAsync(() -> generation.run(JobTrigger.MANUAL, "race"));
            RunGate.awaitRunHeld();
            CompletableFuture.runAsync(() -> {
                await(start);
                RunGate.releaseRuns();
            });
            await(start);
            if (creating) {
                closures.create(springBreak, "race");
            } else {
                closures.delete(existing);
            }
            GenerationResult result = run.get(60, TimeUnit.SECONDS);

            assertThat(result.status()).isEqualTo(JobStatus.SUCCESS);
            assertThat(studio.lessonCount()).isEqualTo(lessons);
            assertThat(lessonsOnTheWrongSide())
                    .as("round %d (%s)", round, creating ? "create" : "delete")
                    .isZero();
            long closed = jdbc.sql("select count(*) from lesson where status = 'CLOSED'")
                    .query(Long.class)
                    .single();
            // the closure spans four weeks of every slot's window: some lessons are closed, or none
            if (creating) {
                assertThat(closed).as("round %d", round).isGreaterThanOrEqualTo(TEACHERS * SLOTS_EACH * 3L);
            } else {
                assertThat(closed).as("round %d", round).isZero();
            }
        }
    }

    /** SCHEDULED lessons inside a closure of their teacher, and CLOSED ones outside their closure. */
    private long lessonsOnTheWrongSide() {
        return jdbc.sql("""
                        select count(*) from lesson l
                        where l.start_at >= :now and (
                          (l.status = 'SCHEDULED' and exists (
                             select 1 from studio_closure c
                             where (c.teacher_id is null or c.teacher_id = l.teacher_id)
                               and (l.start_at at time zone l.timezone)::date between c.starts_on and c.ends_on))
                          or (l.status = 'CLOSED' and not exists (
                             select 1 from studio_closure c
                             where c.id = l.closure_id and (c.teacher_id is null or c.teacher_id = l.teacher_id)
                               and (l.start_at at time zone l.timezone)::date between c.starts_on and c.ends_on)))
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Another program that writes closures or lessons takes the calendar's advisory lock under the
     * key docs/architecture.md gives (7161124065395368306): the service's own closure waits for it.
     * The number is a contract with those programs and must never change.
     */
    @Test
    void anotherProgramHoldingTheCalendarsAdvisoryLockKeepsAClosureWaiting() throws Exception {
        clock.set(IntegrationTestConfiguration.START);
        studio.empty();
        CompletableFuture<UUID> created;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(7161124065395368306)");
            }
            created = CompletableFuture.supplyAsync(
                    () -> closures.create(springBreak, "test").closure().id());

            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.sql("""
                                    select count(*) from pg_stat_activity
                                    where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'
                                    """).query(Long.class).single() == 1);
            assertThat(created).isNotDone();
            other.commit();
        }

        assertThat(created.get(30, TimeUnit.SECONDS)).isNotNull();
        assertThat(jdbc.sql("select count(*) from studio_closure")
                        .query(Long.class)
                        .single())
                .isOne();
    }
}
