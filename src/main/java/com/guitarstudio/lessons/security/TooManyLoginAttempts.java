package com.guitarstudio.lessons.security;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;

/**
 * Five sign-ins for this email failed within 15 minutes: no further attempt is checked until {@code
 * retryAfter}. Answered 429 with Retry-After, by the API and the login form alike.
 */
class TooManyLoginAttempts extends AuthenticationException implements ErrorResponse {

    private final Duration retryAfter;

    /** @param message says when to try again, in whole minutes ({@link #minutes(Duration)}) */
    TooManyLoginAttempts(Duration retryAfter, String message) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least one, for a Retry-After header. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** Whole minutes, rounded up, at least one: what the page and the message say. */
    long minutes() {
        return minutes(retryAfter);
    }

    static long minutes(Duration retryAfter) {
        return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatus.TOO_MANY_REQUESTS;
    }

    @Override
    public HttpHeaders getHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds()));
        return headers;
    }

    @Override
    public ProblemDetail getBody() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, getMessage());
    }
}
