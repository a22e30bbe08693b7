package com.guitarstudio.lessons.admin;

import com.guitarstudio.lessons.calendar.LessonCalendar;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobLogService;
import com.guitarstudio.lessons.joblog.JobRunDetail;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import com.guitarstudio.lessons.lessons.LessonProperties;
import com.guitarstudio.lessons.security.MetricsProperties;
import java.security.Principal;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin page {@code /admin/background-jobs}: summary, Generate Lessons Now, health, statistics
 * and history. Generate Lessons Now is a plain form post that starts the run in the background and
 * redirects (post/redirect/get) to the page with {@code ?run=<id>}; the page shows that run's
 * progress, refreshing itself while it goes, then its result. No session is needed for any of it.
 */
@Controller
class BackgroundJobsPage {

    static final String PATH = "/admin/background-jobs";

    private final Dashboard dashboard;
    private final LessonGenerationService generation;
    private final JobLogService jobLog;
    private final AdminMessages messages;
    private final int horizonWeeks;
    private final LessonCalendar calendar;
    private final Times times;
    private final boolean metricsToken;

    /** How many of the next closures the page lists. */
    static final int NEXT_CLOSURES = 3;

    BackgroundJobsPage(
            LessonCalendar calendar,
            Dashboard dashboard,
            LessonGenerationService generation,
            JobLogService jobLog,
            AdminMessages messages,
            LessonProperties properties,
            Times times,
            MetricsProperties metrics) {
        this.dashboard = dashboard;
        this.generation = generation;
        this.jobLog = jobLog;
        this.messages = messages;
        this.horizonWeeks = properties.horizonWeeks();
        this.calendar = calendar;
        this.times = times;
        this.metricsToken = metrics.scraperToken();
    }

    /** Whether a metrics scraper has a token of its own (METRICS_TOKEN), for the operator's section. */
    @ModelAttribute("metricsToken")
    boolean metricsToken() {
        return metricsToken;
    }

    @ModelAttribute("horizonWeeks")
    int horizonWeeks() {
        return horizonWeeks;
    }

    @GetMapping("/")
    String home() {
        return "redirect:" + PATH;
    }

    /** The page, its history filtered by the same query parameters as the history API's (400 for bad ones). */
    @GetMapping(PATH)
    String page(
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "trigger", required = false) String trigger,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "run", required = false) String run,
            @RequestParam(name = "unavailable", required = false) String unavailable,
            Model model) {
        HistoryQuery query = HistoryQuery.parse(status, trigger, from, to);
        int pageIndex = HistoryQuery.page(page, 1, AdminJobsController.MAX_PAGE);
        Dashboard.View view = dashboard.view(query, pageIndex, RunIds.parse(run).orElse(null));
        model.addAttribute("view", view);
        model.addAttribute("outcome", unavailable != null ? RunOutcome.databaseUnavailable(messages) : view.outcome());
        model.addAttribute("runId", run);
        model.addAttribute("nextClosures", calendar.upcoming(NEXT_CLOSURES));
        model.addAttribute("statuses", JobStatus.values());
        model.addAttribute("triggers", JobTrigger.values());
        return "admin/background-jobs";
    }

    /**
     * What Generate Lessons Now would do, worked out without writing anything, with the button to
     * do it.
     */
    @GetMapping(PATH + "/preview")
    String preview(Model model) {
        model.addAttribute("preview", generation.preview());
        model.addAttribute("running", jobLog.running().orElse(null));
        return "admin/preview";
    }

    @PostMapping(PATH + "/generate")
    String generate(Principal admin) throws InterruptedException {
        LessonGenerationService.BackgroundRun run = generation.runInBackground(JobTrigger.MANUAL, admin.getName());
        try {
            UUID id = run.jobLogId().get(10, TimeUnit.SECONDS);
            if (id != null) {
                return "redirect:" + PATH + "?run=" + id;
            }
            return "redirect:" + PATH + "?unavailable";
        } catch (TimeoutException | ExecutionException e) {
            // Still starting: the page shows the run in progress anyway.
            return "redirect:" + PATH;
        }
    }

    /**
     * One run: its numbers and errors, and what it did per teacher, {@value #TEACHERS_PER_PAGE} at
     * a time (those with an error first, then by lessons), with a search by name. While the run goes,
     * the page shows its progress and refreshes itself until it ends.
     */
    @GetMapping(PATH + "/runs/{id}")
    String run(
            @PathVariable String id,
            @RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "search", required = false) String search,
            Model model) {
        int pageIndex = HistoryQuery.page(page, 1, AdminJobsController.MAX_PAGE);
        UUID runId = RunIds.parse(id).orElseThrow(() -> RunIds.notFound(id));
        JobRunDetail run = jobLog.detail(runId).orElseThrow(() -> RunIds.notFound(id));
        String searched = search == null ? "" : search.strip();
        model.addAttribute("run", run.run());
        model.addAttribute("startedAt", times.absolute(run.run().executedAt()));
        model.addAttribute("detail", run);
        model.addAttribute("teachers", jobLog.teachers(runId, searched, pageIndex, TEACHERS_PER_PAGE));
        model.addAttribute("search", searched);
        return "admin/run";
    }

    /** How many teachers a run's page lists at a time. */
    static final int TEACHERS_PER_PAGE = 50;
}
