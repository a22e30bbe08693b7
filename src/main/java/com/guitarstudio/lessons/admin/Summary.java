package com.guitarstudio.lessons.admin;

import com.guitarstudio.lessons.health.HealthReport;
import com.guitarstudio.lessons.joblog.JobRun;
import com.guitarstudio.lessons.joblog.JobStats;
import java.time.Instant;

/**
 * The numbers at the top of the background-jobs page, which the history API also gives (in its own
 * field names): each defined once, here and in {@link JobStats}.
 *
 * @param totalJobs runs recorded, skipped ones included
 * @param runsInPeriod runs that did work in the last 30 days
 * @param recentSuccess a run succeeded in the last 48 hours
 * @param lastRun the latest run, null if none
 * @param lastSuccess when the latest successful run started, null if none
 * @param healthIssues problems the health report lists
 */
record Summary(
        long totalJobs,
        long runsInPeriod,
        boolean recentSuccess,
        JobRun lastRun,
        Instant lastSuccess,
        int healthIssues) {

    static Summary of(JobStats stats, HealthReport health, Instant now) {
        return new Summary(
                stats.totalJobs(),
                stats.runsInPeriod(),
                stats.recentSuccess(now),
                stats.lastRun(),
                stats.lastSuccess(),
                health.issues().size());
    }
}
