package com.guitarstudio.lessons.generation;

import java.time.Duration;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The runs going on in this process, so closing the application lets each stop at its next chunk
 * boundary and record itself (PARTIAL) before the web server, the thread pools and the database
 * pool are stopped.
 */
@Component
class RunsInProgress {

    private static final Logger log = LoggerFactory.getLogger(RunsInProgress.class);

    /** How long closing the application waits for a run to reach its next chunk and record itself. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Phaser active = new Phaser(1);

    /** Runs {@code run}, counted as in progress until it returns. */
    <T> T track(Supplier<T> run) {
        active.register();
        try {
            return run.get();
        } finally {
            active.arriveAndDeregister();
        }
    }

    /** Whether the application has asked runs to stop (it is closing). */
    boolean stopRequested() {
        return stopping.get();
    }

    /**
     * The application is closing (the event comes before the web server, the executors and the
     * database pool are stopped): ask runs in progress to stop at their next chunk boundary and wait
     * until they have recorded themselves.
     */
    @EventListener(ContextClosedEvent.class)
    void stopAll() {
        stopping.set(true);
        int phase = active.arrive();
        try {
            active.awaitAdvanceInterruptibly(phase, SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn(
                    "A lesson generation run did not stop within {}; the next start marks it ABANDONED", SHUTDOWN_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
