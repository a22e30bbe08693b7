package com.guitarstudio.lessons.admin;

import com.guitarstudio.lessons.generation.JobRunner;
import com.guitarstudio.lessons.health.HealthReport;
import com.guitarstudio.lessons.health.HealthReports;
import com.guitarstudio.lessons.joblog.JobLogService;
import com.guitarstudio.lessons.joblog.JobRun;
import com.guitarstudio.lessons.joblog.JobStats;
import com.guitarstudio.lessons.joblog.RunProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Everything the background-jobs page shows, gathered in one place. */
@Service
class Dashboard {

    static final int PAGE_SIZE = 20;

    private final JobLogService jobLog;
    private final HealthReports health;
    private final Charts charts;
    private final Times times;
    private final Clock clock;
    private final Executor executor;

    Dashboard(
            JobLogService jobLog,
            HealthReports health,
            Charts charts,
            Times times,
            Clock clock,
            @Qualifier("applicationTaskExecutor") Executor executor) {
        this.jobLog = jobLog;
        this.health = health;
        this.charts = charts;
        this.times = times;
        this.clock = clock;
        this.executor = executor;
    }

    /**
     * One snapshot of the database for the run history, summary and charts (REPEATABLE READ): a run
     * that ends while the page is being read shows as ended everywhere or nowhere, never SUCCESS in
     * the message and RUNNING in the history. The health checks, the costliest part at scale,
     * run meanwhile on another connection.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    View view(int page, UUID runId, boolean recheck) {
        CompletableFuture<HealthReport> healthReport =
                CompletableFuture.supplyAsync(recheck ? health::fresh : health::current, executor);
        Instant now = clock.instant();
        JobStats stats = jobLog.stats(JobRunner.JOB_NAME);
        Page<JobRun> history = jobLog.historyPage(JobRunner.JOB_NAME, page, PAGE_SIZE);
        JobRun lastRun = history.getNumber() == 0 && history.hasContent()
                ? history.getContent().get(0)
                : jobLog.historyPage(JobRunner.JOB_NAME, 0, 1).stream()
                        .findFirst()
                        .orElse(null);
        RunOutcome outcome = runId == null
                ? null
                : jobLog.find(runId).map(run -> RunOutcome.of(run, times)).orElse(null);
        BarChart lessonsPerRun = charts.lessonsPerRun(JobRunner.JOB_NAME);
        BarChart scheduledPerWeek = charts.scheduledPerWeek();
        HealthReport report = joined(healthReport);
        return new View(
                new Summary(
                        jobLog.countFinishedRunsSince(JobRunner.JOB_NAME, now.minus(Duration.ofDays(30))),
                        lastRun,
                        stats.lastSuccess(),
                        report.issues().size()),
                jobLog.running(JobRunner.JOB_NAME).orElse(null),
                outcome,
                report,
                history,
                lessonsPerRun,
                scheduledPerWeek);
    }

    /** The result, or the exception the checks ended with (a database failure stays one, for PageErrors). */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    record View(
            Summary summary,
            RunProgress running,
            RunOutcome outcome,
            HealthReport health,
            Page<JobRun> history,
            BarChart lessonsPerRun,
            BarChart scheduledPerWeek) {

        /** The page refreshes itself while a run is going, and only then. */
        public boolean refreshing() {
            return running != null || (outcome != null && outcome.inProgress());
        }
    }

    record Summary(long runsLast30Days, JobRun lastRun, Instant lastSuccess, int healthIssues) {}
}
