package com.guitarstudio.lessons.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who a token's user is now: their role and admin flag as the database has them, read at most
 * {@link #MAX_AGE} ago, so a deleted or demoted admin loses access within a minute on every instance
 * without a query on every request. A deleted user is remembered as deleted for as long.
 */
@Component
class CurrentUsers {

    static final Duration MAX_AGE = Duration.ofSeconds(60);

    /** More users than a studio has admins; past it the least used are forgotten. */
    private static final int MAX_ENTRIES = 10_000;

    private final Accounts accounts;
    private final Clock clock;
    /**
     * Bounded by Caffeine; freshness is judged here with the application's clock (a read from after
     * now, a clock set back, is not trusted), which Caffeine's ticker cannot do.
     */
    private final Cache<UUID, Lookup> cache =
            Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

    private record Lookup(Optional<SignedInUser> user, Instant at) {}

    CurrentUsers(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The user with this id as of at most a minute ago; empty when there is none. */
    Optional<SignedInUser> find(UUID id) {
        Instant now = clock.instant();
        Lookup read = cache.getIfPresent(id);
        if (read == null || read.at().isAfter(now) || !read.at().plus(MAX_AGE).isAfter(now)) {
            read = new Lookup(accounts.findById(id).map(Account::signedIn), now);
            cache.put(id, read);
        }
        return read.user();
    }
}
