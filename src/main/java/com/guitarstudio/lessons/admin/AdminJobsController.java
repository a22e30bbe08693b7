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
import com.guitarstudio.lessons.web.RunAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Runs")
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
    @Operation(operationId = "listRuns", summary = "The run history, newest first, with system health and a summary")
    @ApiResponse(responseCode = "200", description = "A page of runs")
    @ApiResponse(
            responseCode = "400",
            description = "A parameter cannot be used (an unknown status or trigger, a malformed date, `to`"
                    + " before `from`, a page or size out of range): `parameter` names it",
            content = @Content)
    History history(
            @Parameter(
                            description = "Only runs that ended so (or are running)",
                            schema = @Schema(implementation = JobStatus.class))
                    @RequestParam(name = "status", required = false)
                    String status,
            @Parameter(description = "Only runs started so", schema = @Schema(implementation = JobTrigger.class))
                    @RequestParam(name = "trigger", required = false)
                    String trigger,
            @Parameter(
                            description =
                                    "Only runs started on or after this day, in the studio's zone (STUDIO_TIME_ZONE)",
                            schema = @Schema(type = "string", format = "date", example = "2027-03-01"))
                    @RequestParam(name = "from", required = false)
                    String from,
            @Parameter(
                            description = "Only runs started on or before this day, in the studio's zone",
                            schema = @Schema(type = "string", format = "date", example = "2027-03-31"))
                    @RequestParam(name = "to", required = false)
                    String to,
            @Parameter(
                            description = "Which page, from 0",
                            schema = @Schema(type = "integer", minimum = "0", maximum = "100000", defaultValue = "0"))
                    @RequestParam(name = "page", required = false)
                    String page,
            @Parameter(
                            description = "Runs per page",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
                    @RequestParam(name = "size", required = false)
                    String size,
            @Parameter(
                            description = "The older name of `size`",
                            deprecated = true,
                            schema = @Schema(type = "integer", minimum = "1", maximum = "100"))
                    @RequestParam(name = "limit", required = false)
                    String limit) {
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
    @Operation(operationId = "getRun", summary = "One run, with what it did for each teacher, a page at a time")
    @ApiResponse(responseCode = "200", description = "The run and a page of its teachers")
    @ApiResponse(
            responseCode = "400",
            description = "A page or size out of range: `parameter` names it",
            content = @Content)
    @ApiResponse(responseCode = "404", description = "There is no run with this id", content = @Content)
    RunResponse run(
            @Parameter(description = "The run's id", schema = @Schema(type = "string", format = "uuid")) @PathVariable
                    String id,
            @Parameter(
                            description = "Which page of teachers, from 0",
                            schema = @Schema(type = "integer", minimum = "0", maximum = "100000", defaultValue = "0"))
                    @RequestParam(name = "page", required = false)
                    String page,
            @Parameter(
                            description = "Teachers per page",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"))
                    @RequestParam(name = "size", required = false)
                    String size,
            @Parameter(description = "Only teachers whose name contains this (any case)")
                    @RequestParam(name = "search", required = false)
                    String search) {
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
    @Operation(
            operationId = "previewRun",
            summary = "What a run started now would do",
            description = "Worked out without writing anything (no lesson, no run in the history): safe to ask"
                    + " while a run is going.")
    @ApiResponse(responseCode = "200", description = "The lessons a run would create, change and cancel")
    PreviewResponse preview() {
        return new PreviewResponse(true, generation.preview());
    }

    @PostMapping("/generate-lessons")
    @Operation(
            operationId = "runNow",
            summary = "Generate lessons now, as the Generate Lessons Now button does, and wait for the result")
    @ApiResponse(responseCode = "200", description = "The run succeeded")
    @ApiResponse(
            responseCode = "409",
            description = "A run is already going: none was started (`data.runningSince` says since when)",
            content = @Content(schema = @Schema(implementation = ManualRun.class)))
    @ApiResponse(
            responseCode = "500",
            description = "The run ended with errors (PARTIAL) or failed (FAILED): `data.errors` says why",
            content = @Content(schema = @Schema(implementation = ManualRun.class)))
    @ApiResponse(
            responseCode = "503",
            description = "The database went away during the run",
            content = @Content(schema = @Schema(implementation = ManualRun.class)))
    ResponseEntity<ManualRun> generate(@Parameter(hidden = true) Principal admin) {
        GenerationResult result = generation.run(JobTrigger.MANUAL, admin.getName());
        ManualRunData data = new ManualRunData(result.figures(), result.runningSince());
        return ResponseEntity.status(RunAnswers.status(result))
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
            @JsonUnwrapped GenerationResult.Figures figures,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant runningSince) {}
}
