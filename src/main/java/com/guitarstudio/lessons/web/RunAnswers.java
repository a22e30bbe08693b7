package com.guitarstudio.lessons.web;

import com.guitarstudio.lessons.generation.GenerationResult;
import org.springframework.http.HttpStatus;

/** How an HTTP trigger of a run answers, the same for the cron endpoint and the admin API. */
public final class RunAnswers {

    private RunAnswers() {}

    /**
     * 200 SUCCESS, 409 SKIPPED (another run holds the lock), 503 when the database could not be
     * reached, 500 for a PARTIAL or FAILED run.
     */
    public static HttpStatus status(GenerationResult result) {
        return switch (result.status()) {
            case SUCCESS -> HttpStatus.OK;
            case SKIPPED -> HttpStatus.CONFLICT;
            default -> result.databaseUnavailable() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }
}
