package com.guitarstudio.lessons;

import com.guitarstudio.lessons.generation.GenerationStarted;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.event.EventListener;

/**
 * Holds a generation run inside the lock, right after it recorded itself as RUNNING, until a test
 * releases the runs: lets tests see what other triggers do while a run is in progress, without
 * sleeping. JVM-wide, so two application contexts in one test share it. (No method is called
 * close: Spring would call it when a context shuts down.)
 */
public class RunGate {

    private static final AtomicReference<CountDownLatch> gate = new AtomicReference<>();
    private static final AtomicReference<CountDownLatch> entered = new AtomicReference<>();

    /** From now on, a run that starts waits until {@link #releaseRuns()}. */
    public static void holdRuns() {
        gate.set(new CountDownLatch(1));
        entered.set(new CountDownLatch(1));
    }

    public static void releaseRuns() {
        CountDownLatch latch = gate.getAndSet(null);
        if (latch != null) {
            latch.countDown();
        }
    }

    /** Waits until a run is held at the gate. */
    public static void awaitRunHeld() throws InterruptedException {
        if (!entered.get().await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("No run reached the gate within 30 s");
        }
    }

    @EventListener
    void hold(GenerationStarted started) throws InterruptedException {
        CountDownLatch latch = gate.get();
        if (latch != null) {
            entered.get().countDown();
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The run gate was never opened");
            }
        }
    }
}
