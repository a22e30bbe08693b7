package com.guitarstudio.lessons.health;

import com.guitarstudio.lessons.config.Futures;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * The health report as the admin page, the admin API and {@code /actuator/health} show it: checked
 * afresh on every request, so an admin who fixes something and reloads sees it at once. The
 * studio's numbers and the checks run side by side on a few threads of their own (a check that
 * needs the numbers waits for them), so a report takes about as long as its slowest query, and
 * however many reports are asked for at once, they hold at most {@value #THREADS} connections.
 */
@Service
public class HealthReports implements DisposableBean {

    static final int THREADS = 3;

    private final List<HealthCheck> checks;
    private final IndicatorsQuery indicators;
    private final Clock clock;
    private final ExecutorService executor;

    HealthReports(List<HealthCheck> checks, IndicatorsQuery indicators, Clock clock) {
        this.checks = checks;
        this.indicators = indicators;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "health-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A report checked now. */
    public HealthReport current() {
        return Futures.join(start());
    }

    /** Starts a report now and returns at once; the caller does other work meanwhile. */
    public CompletableFuture<HealthReport> start() {
        Instant now = clock.instant();
        // Submitted first: a check that waits for the numbers never holds the thread they need.
        CompletableFuture<Indicators> studio = CompletableFuture.supplyAsync(indicators::read, executor);
        List<CompletableFuture<Optional<HealthIssue>>> found = checks.stream()
                .map(check -> CompletableFuture.supplyAsync(() -> check.check(() -> Futures.join(studio)), executor))
                .toList();
        return CompletableFuture.allOf(found.toArray(CompletableFuture[]::new))
                .thenCombine(
                        studio,
                        (done, numbers) -> new HealthReport(
                                found.stream()
                                        .map(CompletableFuture::join)
                                        .flatMap(Optional::stream)
                                        .toList(),
                                numbers,
                                now));
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
