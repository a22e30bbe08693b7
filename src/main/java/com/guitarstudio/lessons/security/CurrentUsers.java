package com.guitarstudio.lessons.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Who a token's user is now: their role and admin flag as the database has them, read at most
 * {@link #MAX_AGE} ago, so a deleted or demoted admin loses access within a minute on every instance
 * without a query on every request. A deleted user is remembered as deleted for as long.
 */
@Component
class CurrentUsers {

    static final Duration MAX_AGE = Duration.ofSeconds(60);

    /** More users than a studio has admins; past it the cache starts over. */
    private static final int MAX_ENTRIES = 10_000;

    private final Accounts accounts;
    private final Clock clock;
    private final Map<UUID, Read> cache = new ConcurrentHashMap<>();

    private record Read(Optional<SignedInUser> user, Instant at) {}

    CurrentUsers(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The user with this id as of at most a minute ago; empty when there is none. */
    Optional<SignedInUser> find(UUID id) {
        Instant now = clock.instant();
        Read read = cache.get(id);
        if (read == null || read.at().isAfter(now) || !read.at().plus(MAX_AGE).isAfter(now)) {
            read = new Read(accounts.findById(id).map(Account::signedIn), now);
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(id, read);
        }
        return read.user();
    }
}
