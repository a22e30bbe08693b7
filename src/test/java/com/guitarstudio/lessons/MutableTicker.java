package com.guitarstudio.lessons;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Real elapsed time, which a test may move on: a lease held for a minute without waiting a minute. */
public final class MutableTicker implements Ticker {

    private final AtomicLong ahead = new AtomicLong();

    @Override
    public long read() {
        return System.nanoTime() + ahead.get();
    }

    public void advance(Duration duration) {
        ahead.addAndGet(duration.toNanos());
    }
}
