package com.guitarstudio.lessons.admin;

import com.guitarstudio.lessons.joblog.JobRun;
import java.util.List;

/**
 * What the page says about a run it was asked to show (after Generate Lessons Now, or a link):
 * the message of the post/redirect/get, worded for the studio.
 *
 * @param tone ok, warn, error or info (the message's colour)
 * @param inProgress the run has not finished; the page refreshes itself until it has
 */
record RunOutcome(String tone, String message, List<String> errors, boolean inProgress) {

    static RunOutcome of(JobRun run, Times times) {
        String summary = "Generated " + run.lessonsGenerated() + " lessons for " + run.teachersProcessed()
                + " teachers in " + times.duration(run.durationMs());
        return switch (run.status()) {
            case RUNNING -> new RunOutcome("info", "Generating lessons…", List.of(), true);
            case SUCCESS -> new RunOutcome("ok", summary, List.of(), false);
            case PARTIAL ->
                new RunOutcome(
                        "warn",
                        summary + "; " + run.errors().size() + " teacher(s) could not be processed:",
                        run.errors(),
                        false);
            case FAILED ->
                new RunOutcome(
                        "error", "The run failed after " + times.duration(run.durationMs()) + ":", run.errors(), false);
            case SKIPPED ->
                new RunOutcome(
                        "info",
                        "Lesson generation was already running, so this request did not start another run",
                        List.of(),
                        false);
            case ABANDONED ->
                new RunOutcome(
                        "error", "This run stopped before it finished (its instance went away)", run.errors(), false);
        };
    }

    static RunOutcome databaseUnavailable() {
        return new RunOutcome(
                "error", "The database is unavailable, so no run started; try again in a minute", List.of(), false);
    }
}
