package com.guitarstudio.lessons.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Five sign-ins for this email failed within 15 minutes: no further attempt is checked until {@code retryAfter}. */
class TooManyLoginAttempts extends AuthenticationException {

    private final Duration retryAfter;

    TooManyLoginAttempts(Duration retryAfter) {
        super("Too many failed sign-ins for this email; try again in " + minutes(retryAfter) + " minute(s)");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, at least one, for a Retry-After header. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    static long minutes(Duration duration) {
        return Math.max(1, (duration.toSeconds() + 59) / 60);
    }
}
