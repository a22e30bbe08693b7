package com.guitarstudio.lessons.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.MutableTicker;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The per-link request limit: its count, its hour, and what it says to wait. */
class FeedRequestLimitTests {

    private static final Instant START = Instant.parse("2027-03-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final FeedRequestLimit limit =
            new FeedRequestLimit(new CalendarFeedProperties(3), clock, new MutableTicker());
    private final FeedToken link = FeedToken.random();

    @Test
    void theRequestsOfAnHourUpToTheLimitGoAheadAndTheNextWaitsForTheHourToEnd() {
        assertThat(limit.admit(link)).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(limit.admit(link)).isEmpty();
        assertThat(limit.admit(link)).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        assertThat(limit.admit(link)).hasValue(Duration.ofMinutes(45));
        assertThat(limit.admit(link))
                .as("refused requests count too, and change nothing")
                .hasValue(Duration.ofMinutes(45));
    }

    @Test
    void anHourAfterItsFirstRequestALinkIsCountedAfresh() {
        for (int request = 0; request < 3; request++) {
            limit.admit(link);
        }
        clock.set(START.plus(Duration.ofHours(1)).minusMillis(1));
        assertThat(limit.admit(link)).hasValue(Duration.ofMillis(1));

        clock.set(START.plus(Duration.ofHours(1)));
        assertThat(limit.admit(link)).isEmpty();
        assertThat(limit.admit(link)).isEmpty();
        assertThat(limit.admit(link)).isEmpty();
        assertThat(limit.admit(link)).hasValue(Duration.ofHours(1));
    }

    @Test
    void eachLinkHasItsOwnCount() {
        for (int request = 0; request < 3; request++) {
            limit.admit(link);
        }
        assertThat(limit.admit(link)).isPresent();
        assertThat(limit.admit(FeedToken.random())).isEmpty();
    }

    @Test
    void aClockSetBackStartsANewHourRatherThanWaitingForOneThatHasNotBegun() {
        for (int request = 0; request < 4; request++) {
            limit.admit(link);
        }
        clock.set(START.minus(Duration.ofMinutes(1)));

        assertThat(limit.admit(link)).isEmpty();
    }
}
