package com.guitarstudio.lessons.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.guitarstudio.lessons.config.Futures;
import com.guitarstudio.lessons.generation.GenerationResult;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.health.HealthReport;
import com.guitarstudio.lessons.health.HealthReports;
import com.guitarstudio.lessons.health.SystemHealth;
import com.guitarstudio.lessons.joblog.JobLogService;
import com.guitarstudio.lessons.joblog.JobRun;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import com.guitarstudio.lessons.web.InvalidRequest;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admin API of background jobs: run history with health and summary, and a manual run. */
@RestController
@RequestMapping("/api/admin/background-jobs")
class AdminJobsController {

    private final LessonGenerationService generation;
    private final JobLogService jobLog;
    private final HealthReports health;
    private final Dashboard dashboard;
    private final AdminMessages messages;

    AdminJobsController(
            LessonGenerationService generation,
            JobLogService jobLog,
            HealthReports health,
            Dashboard dashboard,
            AdminMessages messages) {
        this.generation = generation;
        this.jobLog = jobLog;
        this.health = health;
        this.dashboard = dashboard;
        this.messages = messages;
    }

    @GetMapping("/history")
    History history(@RequestParam(name = "limit", required = false) String limit) {
        int size = parseLimit(limit);
        CompletableFuture<HealthReport> checking = health.start();
        List<JobRun> runs = jobLog.history(size);
        HealthReport report = Futures.join(checking);
        Summary summary = dashboard.summary(report);
        return new History(true, new HistoryData(runs, report.systemHealth(), ApiSummary.of(summary)));
    }

    @PostMapping("/generate-lessons")
    ResponseEntity<ManualRun> generate(Principal admin) {
        GenerationResult result = generation.run(JobTrigger.MANUAL, admin.getName());
        ManualRunData data = new ManualRunData(
                result.status(),
                result.lessonsGenerated(),
                result.lessonsClosed(),
                result.teachersProcessed(),
                result.errors(),
                result.jobLogId(),
                result.durationMs(),
                result.runningSince());
        return ResponseEntity.status(result.httpStatus())
                .body(new ManualRun(result.success(), messages.manualRun(result), data));
    }

    /** 1..100, 20 when absent. */
    static int parseLimit(String limit) {
        if (limit == null) {
            return 20;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequest(
                "limit",
                "Query parameter 'limit' must be a whole number from 1 to 100, not '"
                        + (limit.length() > 20 ? limit.substring(0, 20) + "…" : limit) + "'");
    }

    record History(boolean success, HistoryData data) {}

    record HistoryData(List<JobRun> jobHistory, SystemHealth systemHealth, ApiSummary summary) {}

    /** The history API's {@code summary}: the page's summary in the API's field names. */
    record ApiSummary(long totalJobs, boolean recentSuccess, Instant lastRun, Instant lastSuccess, int healthIssues) {

        static ApiSummary of(Summary summary) {
            return new ApiSummary(
                    summary.totalJobs(),
                    summary.recentSuccess(),
                    summary.lastRun() == null ? null : summary.lastRun().executedAt(),
                    summary.lastSuccess(),
                    summary.healthIssues());
        }
    }

    record ManualRun(boolean success, String message, ManualRunData data) {}

    record ManualRunData(
            JobStatus status,
            int lessonsGenerated,
            int lessonsClosed,
            int teachersProcessed,
            List<String> errors,
            UUID jobLogId,
            long durationMs,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant runningSince) {}
}
