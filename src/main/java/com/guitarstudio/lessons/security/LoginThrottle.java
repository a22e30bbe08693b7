package com.guitarstudio.lessons.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After {@value #MAX_FAILURES} failed sign-ins for one email within 15 minutes, further attempts
 * for that email are refused until the window passes, whatever the password. Failures live in the
 * database ({@code login_failure}), so every instance counts the same; times come from the
 * application clock.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long this email must wait before its next attempt is checked; empty when it may try now. */
    Optional<Duration> retryAfter(String email) {
        Instant now = clock.instant();
        return jdbc.sql("""
                select failed_at from login_failure
                where email_hash = :email and failed_at > :since
                order by failed_at desc offset :skip limit 1
                """)
                .param("email", hash(email))
                .param("since", Timestamp.from(now.minus(WINDOW)))
                .param("skip", MAX_FAILURES - 1)
                .query(Timestamp.class)
                .optional()
                // locked until the oldest of the last five failures leaves the window
                .map(oldest -> Duration.between(now, oldest.toInstant().plus(WINDOW)));
    }

    void recordFailure(String email) {
        Instant now = clock.instant();
        jdbc.sql("insert into login_failure (email_hash, failed_at) values (:email, :at)")
                .param("email", hash(email))
                .param("at", Timestamp.from(now))
                .update();
        jdbc.sql("delete from login_failure where failed_at <= :expired")
                .param("expired", Timestamp.from(now.minus(WINDOW)))
                .update();
    }

    void clear(String email) {
        jdbc.sql("delete from login_failure where email_hash = :email")
                .param("email", hash(email))
                .update();
    }

    private static String hash(String email) {
        return Sha256.hex(email.trim().toLowerCase(Locale.ROOT));
    }
}
