package com.guitarstudio.lessons.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins within {@link #WINDOW}, counted three ways: {@value #MAX_FAILURES} for one email from
 * one client address, {@value #MAX_PER_ADDRESS} from one address across emails (someone trying many
 * accounts), {@value #MAX_PER_EMAIL} for one email across addresses (a guess spread over many
 * machines). Past any of them an attempt is refused before its password is checked. So one address
 * can neither guess a password nor lock its owner out elsewhere: the owner signs in from another
 * address.
 *
 * <p>Admitting an attempt is atomic: under transaction-scoped advisory locks on the address and then
 * the email (always in that order, so two attempts never wait for each other in a circle), the
 * failures are counted and the attempt is recorded as one, before bcrypt runs. Of 60 parallel
 * attempts at most {@value #MAX_FAILURES} are checked, on any number of instances. A correct
 * password then deletes the failures of its email and address, its own attempt included.
 *
 * <p>Failures live in the database ({@code login_failure}), the email as a SHA-256 hash of its
 * lower-case form; times come from the application clock.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final int MAX_PER_ADDRESS = 30;
    static final int MAX_PER_EMAIL = 100;
    static final Duration WINDOW = Duration.ofMinutes(15);

    /** Advisory lock namespaces (the first key of the two-key form), one per counted thing. */
    private static final int ADDRESS_LOCKS = 0x4C414444;

    private static final int EMAIL_LOCKS = 0x4C454D4C;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The answer to an attempt: admitted (its password may be checked; it counts as a failure until
     * {@link #succeeded}), or refused for {@code retryAfter}.
     */
    record Admission(boolean admitted, Duration retryAfter) {}

    Admission admit(String email, String clientAddress) {
        Instant now = clock.instant();
        String hash = hash(email);
        Admission admission = transactions.execute(tx -> {
            jdbc.sql("""
                    select count(*) from (select pg_advisory_xact_lock(:addresses, hashtext(:address)),
                                                 pg_advisory_xact_lock(:emails, hashtext(:email))) locked
                    """)
                    .param("addresses", ADDRESS_LOCKS)
                    .param("address", clientAddress)
                    .param("emails", EMAIL_LOCKS)
                    .param("email", hash)
                    .query(Long.class)
                    .single();
            // For each count, the failure that must leave the window before the next attempt: the
            // oldest of the last MAX. The latest of those decides.
            Timestamp lockedUntil = jdbc.sql("""
                    select max(failed_at) from (
                      (select failed_at from login_failure
                       where email_hash = :email and client_address = :address and failed_at > :since
                       order by failed_at desc offset :skipFailures limit 1)
                      union all
                      (select failed_at from login_failure
                       where client_address = :address and failed_at > :since
                       order by failed_at desc offset :skipPerAddress limit 1)
                      union all
                      (select failed_at from login_failure
                       where email_hash = :email and failed_at > :since
                       order by failed_at desc offset :skipPerEmail limit 1)) oldest
                    """)
                    .param("email", hash)
                    .param("address", clientAddress)
                    .param("since", Timestamp.from(now.minus(WINDOW)))
                    .param("skipFailures", MAX_FAILURES - 1)
                    .param("skipPerAddress", MAX_PER_ADDRESS - 1)
                    .param("skipPerEmail", MAX_PER_EMAIL - 1)
                    .query(Timestamp.class)
                    .optional()
                    .orElse(null);
            if (lockedUntil != null) {
                return new Admission(
                        false, Duration.between(now, lockedUntil.toInstant().plus(WINDOW)));
            }
            jdbc.sql("insert into login_failure (email_hash, client_address, failed_at) values (:email, :address, :at)")
                    .param("email", hash)
                    .param("address", clientAddress)
                    .param("at", Timestamp.from(now))
                    .update();
            return new Admission(true, Duration.ZERO);
        });
        jdbc.sql("delete from login_failure where failed_at <= :expired")
                .param("expired", Timestamp.from(now.minus(WINDOW)))
                .update();
        return admission;
    }

    /** The password was right: this email's failures from this address are forgotten. */
    void succeeded(String email, String clientAddress) {
        jdbc.sql("delete from login_failure where email_hash = :email and client_address = :address")
                .param("email", hash(email))
                .param("address", clientAddress)
                .update();
    }

    private static String hash(String email) {
        return Sha256.hex(email.trim().toLowerCase(Locale.ROOT));
    }
}
