package com.guitarstudio.lessons.admin;

import com.guitarstudio.lessons.health.HealthChecks;
import com.guitarstudio.lessons.health.HealthReport;
import com.guitarstudio.lessons.joblog.JobLogService;
import com.guitarstudio.lessons.joblog.JobRun;
import com.guitarstudio.lessons.joblog.JobStats;
import com.guitarstudio.lessons.joblog.RunProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Everything the background-jobs page shows, gathered in one place. */
@Service
class Dashboard {

    static final String JOB_NAME = "generate-future-lessons";
    static final int PAGE_SIZE = 20;

    private final JobLogService jobLog;
    private final HealthChecks health;
    private final Charts charts;
    private final Times times;
    private final Clock clock;

    Dashboard(JobLogService jobLog, HealthChecks health, Charts charts, Times times, Clock clock) {
        this.jobLog = jobLog;
        this.health = health;
        this.charts = charts;
        this.times = times;
        this.clock = clock;
    }

    /**
     * One snapshot of the database for the whole page (REPEATABLE READ): a run that ends while the
     * page is being read shows as ended everywhere or nowhere, never SUCCESS in the message and
     * RUNNING in the history.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    View view(int page, UUID runId) {
        Instant now = clock.instant();
        JobStats stats = jobLog.stats(JOB_NAME);
        Page<JobRun> history = jobLog.historyPage(JOB_NAME, page, PAGE_SIZE);
        JobRun lastRun = history.getNumber() == 0 && history.hasContent()
                ? history.getContent().get(0)
                : jobLog.historyPage(JOB_NAME, 0, 1).stream().findFirst().orElse(null);
        HealthReport report = health.run();
        RunOutcome outcome = runId == null
                ? null
                : jobLog.find(runId).map(run -> RunOutcome.of(run, times)).orElse(null);
        return new View(
                new Summary(
                        jobLog.countFinishedRunsSince(JOB_NAME, now.minus(Duration.ofDays(30))),
                        lastRun,
                        stats.lastSuccess(),
                        report.issues().size()),
                jobLog.running(JOB_NAME).orElse(null),
                outcome,
                report,
                history,
                charts.lessonsPerRun(JOB_NAME),
                charts.scheduledPerWeek());
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
