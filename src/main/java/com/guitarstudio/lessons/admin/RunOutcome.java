package com.guitarstudio.lessons.admin;

import com.guitarstudio.lessons.joblog.JobRun;
import com.guitarstudio.lessons.joblog.JobRunDetail;
import java.util.List;

/**
 * What the page says about a run it was asked to show (after Generate Lessons Now, or a link):
 * the message of the post/redirect/get, worded for the studio.
 *
 * @param tone ok, warn, error or info (the message's colour)
 * @param inProgress the run has not finished; the page refreshes itself until it has
 */
record RunOutcome(String tone, String message, List<String> errors, boolean inProgress) {

    static RunOutcome of(JobRunDetail detail, Times times, AdminMessages messages) {
        JobRun run = detail.run();
        String duration = times.duration(run.durationMs());
        boolean nothingNew = run.lessonsGenerated() + run.lessonsUpdated() + run.lessonsCancelled() == 0
                && detail.windowEnd() != null;
        String summary = nothingNew
                ? messages.get("outcome.upToDate", times.date(detail.windowEnd()), run.teachersProcessed(), duration)
                : messages.get(
                        "outcome.generated",
                        run.lessonsGenerated(),
                        run.teachersProcessed(),
                        duration,
                        run.lessonsUpdated(),
                        run.lessonsCancelled());
        return switch (run.status()) {
            case RUNNING -> new RunOutcome("info", messages.get("outcome.running"), List.of(), true);
            case SUCCESS -> new RunOutcome("ok", summary, List.of(), false);
            case PARTIAL ->
                new RunOutcome(
                        "warn",
                        messages.get("outcome.partial", summary, run.errors().size()),
                        run.errors(),
                        false);
            case FAILED -> new RunOutcome("error", messages.get("outcome.failed", duration), run.errors(), false);
            case SKIPPED -> new RunOutcome("info", messages.get("outcome.skipped"), List.of(), false);
            case ABANDONED -> new RunOutcome("error", messages.get("outcome.abandoned"), run.errors(), false);
        };
    }

    static RunOutcome databaseUnavailable(AdminMessages messages) {
        return new RunOutcome("error", messages.get("outcome.databaseUnavailable"), List.of(), false);
    }
}
