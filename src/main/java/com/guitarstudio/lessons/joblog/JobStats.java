package com.guitarstudio.lessons.joblog;

import java.time.Instant;

/**
 * Counts over the kept history of a job.
 *
 * @param totalJobs runs recorded (the last JOB_LOG_RETENTION_DAYS days)
 * @param lastRun when the latest run started, null if none
 * @param lastSuccess when the latest successful run started, null if none
 */
public record JobStats(long totalJobs, Instant lastRun, Instant lastSuccess) {}
