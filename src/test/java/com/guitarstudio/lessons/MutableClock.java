package com.guitarstudio.lessons;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it, or, once told to, runs on from where it stands. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    /** {@link System#nanoTime()} when the clock started running, or {@code null} while it stands still. */
    private volatile Long runningSince;

    public MutableClock(Instant now) {
        this.now = new AtomicReference<>(now);
    }

    public void set(Instant instant) {
        now.set(instant);
        runningSince = null;
    }

    /** From now on the clock moves with real time too (the benchmark's idle minutes are real). */
    public void run() {
        runningSince = System.nanoTime();
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        Long since = runningSince;
        return since == null ? now.get() : now.get().plusNanos(System.nanoTime() - since);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The application reads instants only");
    }
}
