package com.guitarstudio.lessons.trigger;

import com.guitarstudio.lessons.generation.GenerationResult;
import com.guitarstudio.lessons.joblog.JobStatus;
import org.springframework.http.HttpStatus;

/** One mapping from a run's outcome to an HTTP status, for every endpoint that starts runs (DESIGN.md §6). */
final class RunResponses {

    static final String ALREADY_RUNNING = "Lesson generation is already running";

    private RunResponses() {}

    /** 200 SUCCESS, 409 SKIPPED, 503 database unavailable, 500 PARTIAL or FAILED. */
    static HttpStatus status(GenerationResult result) {
        if (result.status() == JobStatus.SUCCESS) {
            return HttpStatus.OK;
        }
        if (result.status() == JobStatus.SKIPPED) {
            return HttpStatus.CONFLICT;
        }
        return result.databaseUnavailable() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
