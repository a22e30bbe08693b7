package com.guitarstudio.lessons.joblog;

import java.time.Duration;
import java.time.Instant;

/**
 * The numbers the admin page and the admin API show about the job, defined once.
 *
 * @param totalJobs runs recorded (kept for JOB_LOG_RETENTION_DAYS), skipped ones included
 * @param runsInPeriod runs that did work (SUCCESS, PARTIAL, FAILED) in the last {@link #PERIOD}
 * @param lastRun the latest run, null if none
 * @param lastSuccess when the latest successful run started, null if none
 */
public record JobStats(long totalJobs, long runsInPeriod, JobRun lastRun, Instant lastSuccess) {

    /** The period of the run counts and of the lessons-per-run chart. */
    public static final Duration PERIOD = Duration.ofDays(30);

    /** A success is recent when it started this long ago or less; after that the job is stale. */
    public static final Duration RECENT_SUCCESS = Duration.ofHours(48);

    public boolean recentSuccess(Instant now) {
        return lastSuccess != null && lastSuccess.isAfter(now.minus(RECENT_SUCCESS));
    }
}
