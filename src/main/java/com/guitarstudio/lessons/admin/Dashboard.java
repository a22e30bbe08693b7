package com.guitarstudio.lessons.admin;

import com.guitarstudio.lessons.alerts.Alerts;
import com.guitarstudio.lessons.config.Futures;
import com.guitarstudio.lessons.events.LessonWebhook;
import com.guitarstudio.lessons.health.HealthIssue;
import com.guitarstudio.lessons.health.HealthReport;
import com.guitarstudio.lessons.health.HealthReports;
import com.guitarstudio.lessons.joblog.JobLogService;
import com.guitarstudio.lessons.joblog.JobRun;
import com.guitarstudio.lessons.joblog.RunProgress;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Everything the background-jobs page shows, and the summary the history API shares with it. */
@Service
class Dashboard {

    static final int PAGE_SIZE = 20;

    private final JobLogService jobLog;
    private final HealthReports health;
    private final Alerts alerts;
    private final LessonWebhook lessonWebhook;
    private final Charts charts;
    private final Times times;
    private final AdminMessages messages;
    private final Clock clock;

    Dashboard(
            JobLogService jobLog,
            HealthReports health,
            Alerts alerts,
            LessonWebhook lessonWebhook,
            Charts charts,
            Times times,
            AdminMessages messages,
            Clock clock) {
        this.jobLog = jobLog;
        this.health = health;
        this.alerts = alerts;
        this.lessonWebhook = lessonWebhook;
        this.charts = charts;
        this.times = times;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * One snapshot of the database for the run history, summary and charts (REPEATABLE READ): a run
     * that ends while the page is being read shows as ended everywhere or nowhere, never SUCCESS in
     * the message and RUNNING in the history. The health report, the costliest part at scale, is
     * checked meanwhile on its own connections.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    View view(HistoryQuery query, int page, UUID runId) {
        CompletableFuture<HealthReport> healthReport = health.start();
        Page<JobRun> history = jobLog.historyPage(query.filter(times.zoneId()), page, PAGE_SIZE);
        RunOutcome outcome = runId == null
                ? null
                : jobLog.detail(runId)
                        .map(run -> RunOutcome.of(run, times, messages))
                        .orElse(null);
        BarChart lessonsPerRun = charts.lessonsPerRun();
        BarChart scheduledPerWeek = charts.scheduledPerWeek();
        RunProgress running = jobLog.running().orElse(null);
        AlertStatus alertStatus = AlertStatus.of(alerts, times, messages);
        WebhookStatus webhookStatus = WebhookStatus.of(lessonWebhook.status(), times, messages);
        HealthReport report = Futures.join(healthReport);
        return new View(
                summary(report),
                running,
                outcome,
                report,
                alertStatus,
                webhookStatus,
                query,
                history,
                lessonsPerRun,
                scheduledPerWeek);
    }

    Summary summary(HealthReport report) {
        return Summary.of(jobLog.stats(), report, clock.instant());
    }

    record View(
            Summary summary,
            RunProgress running,
            RunOutcome outcome,
            HealthReport health,
            AlertStatus alerts,
            WebhookStatus lessonEvents,
            HistoryQuery query,
            Page<JobRun> history,
            BarChart lessonsPerRun,
            BarChart scheduledPerWeek) {

        /** The link to page {@code number} (from 1) of the history, with its filter. */
        public String historyLink(int number) {
            return query.pageLink(BackgroundJobsPage.PATH, number);
        }

        /**
         * The checks about how the service is run (its cron secret), which the page shows to whoever
         * runs it, apart from the studio's own problems.
         */
        static final Set<String> OPERATOR_CHECKS = Set.of("cron-secret");

        /** The problems of the studio's data and of lesson generation: what a studio admin acts on. */
        public List<HealthIssue> studioIssues() {
            return health.issues().stream()
                    .filter(issue -> !OPERATOR_CHECKS.contains(issue.check()))
                    .toList();
        }

        /** The problems of the service's own settings. */
        public List<HealthIssue> operatorIssues() {
            return health.issues().stream()
                    .filter(issue -> OPERATOR_CHECKS.contains(issue.check()))
                    .toList();
        }

        /** The page refreshes itself while a run is going, and only then. */
        public boolean refreshing() {
            return running != null || (outcome != null && outcome.inProgress());
        }
    }
}
