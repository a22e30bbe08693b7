package com.guitarstudio.lessons.feeds;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * How often one feed link may be fetched: {@code CALENDAR_FEED_REQUESTS_PER_HOUR} per hour, counted
 * in memory on each instance, before any database work. A calendar app polls every few minutes at
 * most; a loop of thousands of requests is answered 429 from here, at the cost of a map lookup.
 *
 * <p>An hour starts with a link's first request; past the limit, the answer says when it ends. Links
 * are remembered for an hour after their first request, at most {@link #MAX_LINKS} of them (the least
 * recently used are forgotten first, which can only let a request through).
 */
@Component
class FeedRequestLimit {

    static final Duration WINDOW = Duration.ofHours(1);

    private static final int MAX_LINKS = 100_000;

    private final int perWindow;
    private final Clock clock;
    private final Cache<String, Window> windows;

    FeedRequestLimit(CalendarFeedProperties properties, Clock clock, Ticker ticker) {
        this.perWindow = properties.requestsPerHour();
        this.clock = clock;
        this.windows = Caffeine.newBuilder()
                .maximumSize(MAX_LINKS)
                .expireAfterWrite(WINDOW)
                .ticker(ticker)
                .build();
    }

    /**
     * Counts a request for {@code token}'s link. Empty when it may go ahead; otherwise how long until
     * the link may be asked for again.
     */
    Optional<Duration> admit(FeedToken token) {
        Instant now = clock.instant();
        Window window = windows.asMap()
                .compute(
                        token.value(),
                        (link, current) -> current == null
                                        || now.isBefore(current.start())
                                        || !now.isBefore(current.start().plus(WINDOW))
                                ? new Window(now, new AtomicInteger())
                                : current);
        if (window.requests().incrementAndGet() <= perWindow) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.start().plus(WINDOW)));
    }

    /** One link's hour: when it began, and the requests counted in it. */
    private record Window(Instant start, AtomicInteger requests) {}
}
