package com.guitarstudio.lessons.generation;

import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.lessons.LessonCounts;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a trigger gets back from a run.
 *
 * @param status SUCCESS, PARTIAL (some teachers failed), FAILED (the run failed) or SKIPPED
 * @param lessonsGenerated lessons actually inserted
 * @param lessonsClosed of those, lessons inserted as CLOSED because a closure covers their date
 * @param lessonsUpdated lessons the service wrote earlier that took their slot's new terms in place
 *     (moved, retimed, repriced, restored)
 * @param lessonsCancelled lessons the service wrote earlier whose slot no longer meets that day
 * @param lessonsHeld lessons that differ from their slot, left as they were because they start within
 *     GENERATION_RECONCILE_NOTICE
 * @param teachersProcessed teachers processed without error
 * @param slotsProcessed slots of those teachers
 * @param errors one line per failed teacher, or the reason the run failed
 * @param jobLogId the {@code job_log} row of this run (or of the skip)
 * @param durationMs from start to end of the run
 * @param runningSince when skipped: when the run holding the lock started, if known
 * @param databaseUnavailable the run failed because the database could not be reached
 */
public record GenerationResult(
        JobStatus status,
        int lessonsGenerated,
        int lessonsClosed,
        int lessonsUpdated,
        int lessonsCancelled,
        int lessonsHeld,
        int teachersProcessed,
        int slotsProcessed,
        List<String> errors,
        UUID jobLogId,
        long durationMs,
        Instant runningSince,
        boolean databaseUnavailable) {

    public GenerationResult {
        errors = List.copyOf(errors);
    }

    /** A run that ended with {@code status}, having written {@code counts}. */
    static GenerationResult of(
            JobStatus status,
            LessonCounts counts,
            int teachersProcessed,
            int slotsProcessed,
            List<String> errors,
            UUID jobLogId,
            long durationMs,
            boolean databaseUnavailable) {
        return new GenerationResult(
                status,
                counts.generated(),
                counts.closed(),
                counts.updated(),
                counts.cancelled(),
                counts.held(),
                teachersProcessed,
                slotsProcessed,
                errors,
                jobLogId,
                durationMs,
                null,
                databaseUnavailable);
    }

    /** A run that did nothing, with {@code status} and {@code errors}. */
    static GenerationResult nothing(
            JobStatus status,
            List<String> errors,
            UUID jobLogId,
            long durationMs,
            Instant runningSince,
            boolean databaseUnavailable) {
        return new GenerationResult(
                status, 0, 0, 0, 0, 0, 0, 0, errors, jobLogId, durationMs, runningSince, databaseUnavailable);
    }

    /** True only for SUCCESS. */
    public boolean success() {
        return status == JobStatus.SUCCESS;
    }

    /** The fields both HTTP triggers answer with (the cron endpoint's JSON and the admin API's). */
    public Figures figures() {
        return new Figures(
                status,
                lessonsGenerated,
                lessonsClosed,
                lessonsUpdated,
                lessonsCancelled,
                lessonsHeld,
                teachersProcessed,
                errors,
                jobLogId,
                durationMs);
    }

    /** A run's figures as the HTTP triggers answer them, in their order. */
    public record Figures(
            JobStatus status,
            int lessonsGenerated,
            int lessonsClosed,
            int lessonsUpdated,
            int lessonsCancelled,
            int lessonsHeld,
            int teachersProcessed,
            List<String> errors,
            UUID jobLogId,
            long durationMs) {}
}
