package com.guitarstudio.lessons.trigger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.guitarstudio.lessons.generation.GenerationResult;
import com.guitarstudio.lessons.generation.JobRunner;
import com.guitarstudio.lessons.health.HealthChecks;
import com.guitarstudio.lessons.health.HealthReports;
import com.guitarstudio.lessons.health.SystemHealth;
import com.guitarstudio.lessons.joblog.JobLogService;
import com.guitarstudio.lessons.joblog.JobRun;
import com.guitarstudio.lessons.joblog.JobStats;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import com.guitarstudio.lessons.web.InvalidRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admin API of background jobs (DESIGN.md §6): run history with health and summary, and a manual run. */
@RestController
@RequestMapping("/api/admin/background-jobs")
class AdminJobsController {

    private final JobRunner runner;
    private final JobLogService jobLog;
    private final HealthReports health;
    private final Clock clock;

    AdminJobsController(JobRunner runner, JobLogService jobLog, HealthReports health, Clock clock) {
        this.runner = runner;
        this.jobLog = jobLog;
        this.health = health;
        this.clock = clock;
    }

    @GetMapping("/history")
    History history(@RequestParam(name = "limit", required = false) String limit) {
        List<JobRun> runs = jobLog.history(JobRunner.JOB_NAME, parseLimit(limit));
        SystemHealth systemHealth = health.current().systemHealth();
        JobStats stats = jobLog.stats(JobRunner.JOB_NAME);
        boolean recentSuccess = stats.lastSuccess() != null
                && stats.lastSuccess().isAfter(clock.instant().minus(HealthChecks.STALE_AFTER));
        Summary summary = new Summary(
                stats.totalJobs(),
                recentSuccess,
                stats.lastRun(),
                stats.lastSuccess(),
                systemHealth.issues().size());
        return new History(true, new HistoryData(runs, systemHealth, summary));
    }

    @PostMapping("/generate-lessons")
    ResponseEntity<ManualRun> generate(Principal admin) {
        GenerationResult result = runner.run(JobTrigger.MANUAL, admin.getName());
        String message = switch (result.status()) {
            case SUCCESS ->
                "Successfully generated " + result.lessonsGenerated() + " lessons for " + result.teachersProcessed()
                        + " teachers";
            case SKIPPED -> RunResponses.ALREADY_RUNNING;
            default -> "Job completed with errors";
        };
        ManualRunData data = new ManualRunData(
                result.status(),
                result.lessonsGenerated(),
                result.teachersProcessed(),
                result.errors(),
                result.jobLogId(),
                result.durationMs(),
                result.runningSince());
        return ResponseEntity.status(RunResponses.status(result)).body(new ManualRun(result.success(), message, data));
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

    record HistoryData(List<JobRun> jobHistory, SystemHealth systemHealth, Summary summary) {}

    record Summary(long totalJobs, boolean recentSuccess, Instant lastRun, Instant lastSuccess, int healthIssues) {}

    record ManualRun(boolean success, String message, ManualRunData data) {}

    record ManualRunData(
            JobStatus status,
            int lessonsGenerated,
            int teachersProcessed,
            List<String> errors,
            UUID jobLogId,
            long durationMs,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant runningSince) {}
}
