package com.guitarstudio.lessons.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.guitarstudio.lessons.config.Futures;
import com.guitarstudio.lessons.generation.GenerationPreview;
import com.guitarstudio.lessons.generation.GenerationResult;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.health.HealthReport;
import com.guitarstudio.lessons.health.HealthReports;
import com.guitarstudio.lessons.health.SystemHealth;
import com.guitarstudio.lessons.joblog.JobLogService;
import com.guitarstudio.lessons.joblog.JobRun;
import com.guitarstudio.lessons.joblog.JobRunDetail;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import com.guitarstudio.lessons.joblog.TeacherOutcome;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API of background jobs: the run history with health and summary, one run with its
 * teachers, a preview of the next run, and a manual run.
 */
@RestController
@RequestMapping("/api/admin/background-jobs")
class AdminJobsController {

    private final LessonGenerationService generation;
    private final JobLogService jobLog;
    private final HealthReports health;
    private final Dashboard dashboard;
    private final AdminMessages messages;
    private final Times times;

    AdminJobsController(
            LessonGenerationService generation,
            JobLogService jobLog,
            HealthReports health,
            Dashboard dashboard,
            AdminMessages messages,
            Times times) {
        this.generation = generation;
        this.jobLog = jobLog;
        this.health = health;
        this.dashboard = dashboard;
        this.messages = messages;
        this.times = times;
    }

    /**
     * The run history, newest first, filtered by {@code status}, {@code trigger} and the days
     * {@code from} / {@code to} (in the page's zone), a page at a time; {@code limit} is the older
     * name of {@code size}.
     */
    @GetMapping("/history")
    History history(
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "trigger", required = false) String trigger,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "size", required = false) String size,
            @RequestParam(name = "limit", required = false) String limit) {
        HistoryQuery query = HistoryQuery.parse(status, trigger, from, to);
        int pageIndex = HistoryQuery.page(page, 0, MAX_PAGE);
        int pageSize = size != null
                ? HistoryQuery.size("size", size, DEFAULT_SIZE, MAX_HISTORY_SIZE)
                : HistoryQuery.size("limit", limit, DEFAULT_SIZE, MAX_HISTORY_SIZE);
        CompletableFuture<HealthReport> checking = health.start();
        Page<JobRun> runs = jobLog.historyPage(query.filter(times.zoneId()), pageIndex, pageSize);
        HealthReport report = Futures.join(checking);
        Summary summary = dashboard.summary(report);
        return new History(
                true,
                new HistoryData(
                        runs.getContent(),
                        report.systemHealth(),
                        ApiSummary.of(summary),
                        runs.getNumber(),
                        runs.getSize(),
                        runs.getTotalElements()));
    }

    /**
     * One run with what it did per teacher, a page of teachers at a time: those with an error first,
     * then by lessons; {@code search} keeps the teachers whose name contains it. 404 for an unknown
     * run.
     */
    @GetMapping("/runs/{id}")
    RunResponse run(
            @PathVariable String id,
            @RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "size", required = false) String size,
            @RequestParam(name = "search", required = false) String search) {
        int pageIndex = HistoryQuery.page(page, 0, MAX_PAGE);
        int pageSize = HistoryQuery.size("size", size, DEFAULT_TEACHERS, MAX_TEACHERS);
        UUID runId = RunIds.parse(id).orElseThrow(() -> RunIds.notFound(id));
        JobRunDetail run = jobLog.detail(runId).orElseThrow(() -> RunIds.notFound(id));
        Page<TeacherOutcome> teachers = jobLog.teachers(runId, search, pageIndex, pageSize);
        return new RunResponse(
                true,
                new RunData(
                        run,
                        teachers.getContent(),
                        teachers.getNumber(),
                        teachers.getSize(),
                        teachers.getTotalElements()));
    }

    /**
     * What a run started now would do, worked out without writing anything (no lesson, no job_log
     * row): safe to ask while a run is going.
     */
    @GetMapping("/preview")
    PreviewResponse preview() {
        return new PreviewResponse(true, generation.preview());
    }

    @PostMapping("/generate-lessons")
    ResponseEntity<ManualRun> generate(Principal admin) {
        GenerationResult result = generation.run(JobTrigger.MANUAL, admin.getName());
        ManualRunData data = new ManualRunData(
                result.status(),
                result.lessonsGenerated(),
                result.lessonsClosed(),
                result.lessonsUpdated(),
                result.lessonsCancelled(),
                result.lessonsHeld(),
                result.teachersProcessed(),
                result.errors(),
                result.jobLogId(),
                result.durationMs(),
                result.runningSince());
        return ResponseEntity.status(result.httpStatus())
                .body(new ManualRun(result.success(), messages.manualRun(result), data));
    }

    static final int DEFAULT_SIZE = 20;
    static final int MAX_HISTORY_SIZE = 100;
    static final int DEFAULT_TEACHERS = 100;
    static final int MAX_TEACHERS = 1_000;
    /** Far beyond any history kept or any studio's teachers; keeps offsets well inside an int. */
    static final int MAX_PAGE = 100_000;

    record History(boolean success, HistoryData data) {}

    record HistoryData(
            List<JobRun> jobHistory,
            SystemHealth systemHealth,
            ApiSummary summary,
            int page,
            int size,
            long totalRuns) {}

    record RunResponse(boolean success, RunData data) {}

    /** The run's fields (as in the history, plus its window and teachersTotal), then a page of its teachers. */
    record RunData(
            @JsonUnwrapped JobRunDetail run, List<TeacherOutcome> teachers, int page, int size, long totalTeachers) {}

    record PreviewResponse(boolean success, @JsonUnwrapped GenerationPreview preview) {}

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
            int lessonsUpdated,
            int lessonsCancelled,
            int lessonsHeld,
            int teachersProcessed,
            List<String> errors,
            UUID jobLogId,
            long durationMs,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant runningSince) {}
}
