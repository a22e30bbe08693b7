package com.guitarstudio.lessons.admin;

import com.guitarstudio.lessons.calendar.LessonCalendar;
import com.guitarstudio.lessons.generation.GenerationProperties;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobLogService;
import com.guitarstudio.lessons.joblog.JobRun;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.security.Principal;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

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

    /** How many of the next closures the page lists. */
    static final int NEXT_CLOSURES = 3;

    BackgroundJobsPage(
            LessonCalendar calendar,
            Dashboard dashboard,
            LessonGenerationService generation,
            JobLogService jobLog,
            AdminMessages messages,
            GenerationProperties properties) {
        this.dashboard = dashboard;
        this.generation = generation;
        this.jobLog = jobLog;
        this.messages = messages;
        this.horizonWeeks = properties.horizonWeeks();
        this.calendar = calendar;
    }

    @ModelAttribute("signedInAs")
    String signedInAs(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    @ModelAttribute("horizonWeeks")
    int horizonWeeks() {
        return horizonWeeks;
    }

    @GetMapping("/")
    String home() {
        return "redirect:" + PATH;
    }

    @GetMapping(PATH)
    String page(
            @RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "run", required = false) String run,
            @RequestParam(name = "unavailable", required = false) String unavailable,
            Model model) {
        Dashboard.View view = dashboard.view(pageIndex(page), uuid(run).orElse(null));
        model.addAttribute("view", view);
        model.addAttribute("outcome", unavailable != null ? RunOutcome.databaseUnavailable(messages) : view.outcome());
        model.addAttribute("runId", run);
        model.addAttribute("nextClosures", calendar.upcoming(NEXT_CLOSURES));
        return "admin/background-jobs";
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

    @GetMapping(PATH + "/runs/{id}")
    String run(@PathVariable String id, Model model) {
        JobRun run =
                uuid(id).flatMap(jobLog::find).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("run", run);
        return "admin/run";
    }

    /** 1-based in the URL, 0-based inside; anything unreadable is the first page. */
    static int pageIndex(String page) {
        try {
            return Math.max(0, Integer.parseInt(page) - 1);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
