package com.guitarstudio.lessons;

import com.guitarstudio.lessons.generation.GenerationProgress;
import com.guitarstudio.lessons.generation.GenerationStarted;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.event.EventListener;

/**
 * Holds a generation run at a chosen point until a test releases it: right after it recorded itself
 * as RUNNING (inside the lock), or after it has written its first chunks. Lets tests see what
 * other triggers, or a shutdown, do while a run is in progress, without sleeping. JVM-wide, so two
 * application contexts in one test share it. (No method is called close: Spring would call it when
 * a context shuts down.)
 */
public class RunGate {

    private record Hold(int afterTeachers, CountDownLatch release, CountDownLatch held) {}

    private static final AtomicReference<Hold> hold = new AtomicReference<>();

    /** From now on, a run that starts waits until {@link #releaseRuns()}. */
    public static void holdRuns() {
        hold.set(new Hold(0, new CountDownLatch(1), new CountDownLatch(1)));
    }

    /** The next run waits once it has processed {@code teachers} teachers, between two chunks. */
    public static void holdRunsAfter(int teachers) {
        hold.set(new Hold(teachers, new CountDownLatch(1), new CountDownLatch(1)));
    }

    public static void releaseRuns() {
        Hold current = hold.getAndSet(null);
        if (current != null) {
            current.release().countDown();
        }
    }

    /** Waits until a run is held. */
    public static void awaitRunHeld() throws InterruptedException {
        if (!hold.get().held().await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("No run reached the gate within 30 s");
        }
    }

    @EventListener
    void onStart(GenerationStarted started) throws InterruptedException {
        Hold current = hold.get();
        if (current != null && current.afterTeachers() == 0) {
            wait(current);
        }
    }

    @EventListener
    void onProgress(GenerationProgress progress) throws InterruptedException {
        Hold current = hold.get();
        if (current != null && current.afterTeachers() > 0 && progress.teachersProcessed() >= current.afterTeachers()) {
            wait(current);
        }
    }

    private static void wait(Hold current) throws InterruptedException {
        current.held().countDown();
        if (!current.release().await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The run gate was never opened");
        }
    }
}
