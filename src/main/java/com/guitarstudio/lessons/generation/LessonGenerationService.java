package com.guitarstudio.lessons.generation;

import com.guitarstudio.lessons.config.DatabaseFailures;
import com.guitarstudio.lessons.health.HealthReports;
import com.guitarstudio.lessons.joblog.JobLogService;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

/**
 * A run of lesson generation, whatever started it: the schedule, the cron endpoint, the admin page
 * and API, the startup catch-up. A run takes the cluster-wide lock, records itself in {@code
 * job_log} (RUNNING, progress, then SUCCESS, PARTIAL or FAILED), generates, applies the retention of
 * {@code job_log}, and logs one summary line. A trigger that finds the lock taken records a SKIPPED
 * run instead.
 */
@Service
public class LessonGenerationService {

    private static final Logger log = LoggerFactory.getLogger(LessonGenerationService.class);
    private final GenerationLock lock;
    private final LessonGenerator generator;
    private final JobLogService jobLog;
    private final GenerationMetrics metrics;
    private final ApplicationEventPublisher events;
    private final MessageSourceAccessor messages;
    private final Clock clock;
    private final TaskExecutor executor;
    private final HealthReports health;
    private final RunsInProgress runs;

    LessonGenerationService(
            GenerationLock lock,
            LessonGenerator generator,
            JobLogService jobLog,
            GenerationMetrics metrics,
            ApplicationEventPublisher events,
            MessageSourceAccessor messages,
            Clock clock,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            HealthReports health,
            RunsInProgress runs) {
        this.lock = lock;
        this.generator = generator;
        this.jobLog = jobLog;
        this.metrics = metrics;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
        this.executor = executor;
        this.health = health;
        this.runs = runs;
    }

    /**
     * Runs lesson generation now, or records that another run is in progress.
     *
     * @param triggeredBy who asked: an admin's email, a cron caller's User-Agent
     */
    public GenerationResult run(JobTrigger trigger, String triggeredBy) {
        return run(trigger, triggeredBy, id -> {});
    }

    /**
     * Starts a run on the application's task executor and returns at once. {@link
     * BackgroundRun#jobLogId()} completes as soon as the run has its {@code job_log} row (RUNNING,
     * or SKIPPED), or with null if it could not start; {@link BackgroundRun#result()} when it ends.
     */
    public BackgroundRun runInBackground(JobTrigger trigger, String triggeredBy) {
        CompletableFuture<UUID> jobLogId = new CompletableFuture<>();
        CompletableFuture<GenerationResult> result =
                CompletableFuture.supplyAsync(() -> run(trigger, triggeredBy, jobLogId::complete), executor);
        result.whenComplete((finished, failure) -> jobLogId.complete(finished == null ? null : finished.jobLogId()));
        return new BackgroundRun(jobLogId, result);
    }

    public record BackgroundRun(CompletableFuture<UUID> jobLogId, CompletableFuture<GenerationResult> result) {}

    private GenerationResult run(JobTrigger trigger, String triggeredBy, Consumer<UUID> onStarted) {
        return runs.track(() -> runTracked(trigger, triggeredBy, onStarted));
    }

    private GenerationResult runTracked(JobTrigger trigger, String triggeredBy, Consumer<UUID> onStarted) {
        long startNanos = System.nanoTime();
        Instant now = clock.instant();
        GenerationResult result;
        try {
            result = lock.runExclusively(held -> runHoldingLock(held, trigger, triggeredBy, now, onStarted))
                    .orElseGet(() -> skipped(trigger, triggeredBy, now));
        } catch (RuntimeException e) {
            // The lock is a database row: failing to take it means the database is unreachable, so
            // nothing can be recorded in job_log either.
            log.error("Lesson generation ({}) could not start: {}", trigger, DatabaseFailures.rootMessage(e));
            result = GenerationResult.nothing(
                    JobStatus.FAILED,
                    List.of(message("generation.databaseUnavailable", DatabaseFailures.rootMessage(e))),
                    null,
                    elapsedMillis(startNanos),
                    null,
                    true);
        }
        metrics.recordRun(trigger, result, Duration.ofNanos(System.nanoTime() - startNanos), now);
        if (result.status() != JobStatus.SKIPPED) {
            events.publishEvent(new GenerationFinished(result, trigger, triggeredBy, now));
        }
        return result;
    }

    /**
     * What a run started now would do, written nowhere: no lesson, no job_log row, and no lock but
     * the calendar's, shared, a chunk at a time; safe while a run is going.
     */
    public GenerationPreview preview() {
        return generator.preview(clock.instant());
    }

    /** Marks RUNNING rows left by a dead process as ABANDONED, unless a run is in progress somewhere. */
    public void abandonDeadRuns() {
        lock.runExclusively(held -> {
            abandonRunningRows();
            return null;
        });
    }

    /** Only while holding the lock: then every RUNNING row belongs to a process that died. */
    private void abandonRunningRows() {
        List<UUID> abandoned = jobLog.abandonRunning();
        if (!abandoned.isEmpty()) {
            log.warn("Unfinished lesson generation runs marked ABANDONED: {}", abandoned);
            events.publishEvent(new GenerationAbandoned(abandoned));
        }
    }

    /** A run, holding the lock: begin, generate, finish. */
    private GenerationResult runHoldingLock(
            GenerationLock.Lease held, JobTrigger trigger, String triggeredBy, Instant now, Consumer<UUID> onStarted) {
        UUID id = begin(trigger, triggeredBy, now, onStarted);
        GenerationTally tally = new GenerationTally();
        Ending ending = generate(id, now, tally);
        GenerationResult result = finish(held, id, now, tally, ending);
        logSummary(result, trigger, triggeredBy, tally);
        return result;
    }

    /** How the generating part of a run ended. */
    private record Ending(JobStatus status, boolean databaseUnavailable) {}

    /** Records the run as RUNNING (after marking the rows of dead processes ABANDONED). */
    private UUID begin(JobTrigger trigger, String triggeredBy, Instant now, Consumer<UUID> onStarted) {
        abandonRunningRows();
        UUID id = jobLog.start(trigger, triggeredBy, now, generator.windowEnd(now));
        onStarted.accept(id);
        events.publishEvent(new GenerationStarted(id, trigger));
        return id;
    }

    /**
     * Walks every teacher, counting in {@code tally}; a failure ends the run FAILED, a shutdown
     * PARTIAL, each with its reason among the errors.
     */
    private Ending generate(UUID id, Instant now, GenerationTally tally) {
        try {
            health.whileGenerating(() -> {
                generator.generate(now, id, tally, () -> recordProgress(id, tally), runs::stopRequested);
                return null;
            });
            return new Ending(tally.errors().isEmpty() ? JobStatus.SUCCESS : JobStatus.PARTIAL, false);
        } catch (RunInterrupted e) {
            log.warn(
                    "Lesson generation run {} interrupted by shutdown after {} of {} teachers",
                    id,
                    tally.teachersProcessed(),
                    tally.teachersTotal());
            tally.error(message("generation.interrupted", tally.teachersProcessed(), tally.teachersTotal()));
            return new Ending(JobStatus.PARTIAL, false);
        } catch (RuntimeException e) {
            boolean databaseUnavailable = DatabaseFailures.isUnavailable(e);
            if (databaseUnavailable) {
                // An outage says all there is to say in one line; a stack trace would add nothing.
                log.error(
                        "Lesson generation run {} failed: the database is unavailable: {}",
                        id,
                        DatabaseFailures.rootMessage(e));
            } else {
                log.error("Lesson generation run {} failed", id, e);
            }
            tally.error(message("generation.failed", DatabaseFailures.rootMessage(e)));
            return new Ending(JobStatus.FAILED, databaseUnavailable);
        }
    }

    /**
     * Records how the run ended and applies the job log's retention. If the database is away, the
     * caller still learns what happened, and the row is finished once the database is back, before
     * the lock is let go (so no run starting meanwhile takes it for ABANDONED).
     */
    private GenerationResult finish(
            GenerationLock.Lease held, UUID id, Instant now, GenerationTally tally, Ending ending) {
        Instant finishedAt = clock.instant();
        GenerationResult result = GenerationResult.of(
                ending.status(),
                tally.counts(),
                tally.teachersProcessed(),
                tally.slotsProcessed(),
                tally.errors(),
                id,
                Duration.between(now, finishedAt).toMillis(),
                ending.databaseUnavailable());
        Runnable record = () -> jobLog.finish(id, ending.status(), finishedAt, tally.runCounts(), result.errors());
        try {
            record.run();
            int deleted = jobLog.deleteExpired();
            if (deleted > 0) {
                log.info("Runs past retention deleted from job_log: {}", deleted);
            }
        } catch (RuntimeException e) {
            log.error("Could not record the end of lesson generation run {}: {}", id, DatabaseFailures.rootMessage(e));
            held.beforeRelease(() -> {
                record.run();
                log.info("Lesson generation run {} recorded as {} now that the database is back", id, ending.status());
            });
        }
        return result;
    }

    private static void logSummary(
            GenerationResult result, JobTrigger trigger, String triggeredBy, GenerationTally tally) {
        log.info(
                "Lesson generation {} ({}{}): lessons {} ({} closed), updated {}, cancelled {}, held {}, teachers {} of"
                        + " {}, slots {}, {} ms, errors {}",
                result.status(),
                trigger,
                triggeredBy == null ? "" : " by " + triggeredBy,
                result.lessonsGenerated(),
                result.lessonsClosed(),
                result.lessonsUpdated(),
                result.lessonsCancelled(),
                result.lessonsHeld(),
                result.teachersProcessed(),
                tally.teachersTotal(),
                result.slotsProcessed(),
                result.durationMs(),
                result.errors().size());
    }

    private void recordProgress(UUID id, GenerationTally tally) {
        jobLog.recordProgress(id, tally.teachersTotal(), tally.runCounts());
        events.publishEvent(new GenerationProgress(id, tally.teachersProcessed(), tally.teachersTotal()));
    }

    private GenerationResult skipped(JobTrigger trigger, String triggeredBy, Instant now) {
        Instant runningSince = jobLog.runningSince().or(lock::heldSince).orElse(null);
        UUID id = jobLog.recordSkipped(trigger, triggeredBy, now);
        log.info(
                "Lesson generation SKIPPED ({}{}): another run holds the lock since {}",
                trigger,
                triggeredBy == null ? "" : " by " + triggeredBy,
                runningSince);
        return GenerationResult.nothing(JobStatus.SKIPPED, List.of(), id, 0, runningSince, false);
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments);
    }

    private static long elapsedMillis(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
