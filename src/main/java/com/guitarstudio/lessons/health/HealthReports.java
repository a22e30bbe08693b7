package com.guitarstudio.lessons.health;

import com.guitarstudio.lessons.config.Futures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * The health report as the admin page, the admin API and {@code /actuator/health} show it: never
 * older than {@code HEALTH_MAX_AGE} (5 s), so an admin who fixes something and reloads sees it
 * within seconds. The studio's numbers and the checks run side by side on a few threads of their
 * own (a check that needs the numbers waits for them), so a report takes about as long as its
 * slowest query, and however many reports are asked for at once, they hold at most {@value
 * #THREADS} connections.
 *
 * <p>Some checks read every upcoming lesson or every slot's latest lesson, which at 100,000 slots
 * costs about a second of database time. So a report younger than the maximum age is shown again,
 * and while someone has asked for one in the last {@link #KEEP_WARM}, a background refresh checks
 * again every half of the maximum age: the page then answers from a report that is seconds old
 * without waiting for the checks. Nobody asking, nothing is checked. Ages are measured with the
 * application's clock.
 */
@Service
public class HealthReports implements DisposableBean {

    static final int THREADS = 3;

    /** How long after the last request the report is kept fresh in the background. */
    static final Duration KEEP_WARM = Duration.ofMinutes(5);

    private final List<HealthCheck> checks;
    private final IndicatorsQuery indicators;
    private final Clock clock;
    private final Duration maxAge;
    private final ExecutorService executor;
    private final ScheduledExecutorService refresher;
    /** The latest report, finished or being checked, and when its checking started. */
    private final AtomicReference<Checked> latest = new AtomicReference<>();

    private volatile Instant lastAsked = Instant.MIN;

    private record Checked(Instant at, CompletableFuture<HealthReport> report) {}

    HealthReports(List<HealthCheck> checks, IndicatorsQuery indicators, Clock clock, HealthProperties properties) {
        this.checks = checks;
        this.indicators = indicators;
        this.clock = clock;
        this.maxAge = properties.maxAge();
        AtomicInteger threads = new AtomicInteger();
        this.executor =
                Executors.newFixedThreadPool(THREADS, task -> daemon(task, "health-" + threads.incrementAndGet()));
        this.refresher = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "health-refresh"));
        if (!maxAge.isZero()) {
            long period = Math.max(1, maxAge.toMillis() / 2);
            refresher.scheduleWithFixedDelay(this::refreshIfWanted, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** A report no older than the maximum age. */
    public HealthReport current() {
        return Futures.join(start());
    }

    /**
     * A report no older than the maximum age, checked now if there is none; returns at once, so the
     * caller can do other work meanwhile.
     */
    public CompletableFuture<HealthReport> start() {
        Instant now = clock.instant();
        lastAsked = now;
        Checked recent = latest.get();
        if (recent != null && isUsable(recent, now)) {
            return recent.report();
        }
        Checked fresh = new Checked(now, check(now));
        latest.set(fresh);
        return fresh.report();
    }

    /**
     * Checks again in the background when someone asked within {@link #KEEP_WARM} and the latest
     * report is half its maximum age old; the new report replaces the old one once it is complete.
     */
    void refreshIfWanted() {
        Instant now = clock.instant();
        Checked recent = latest.get();
        boolean wanted = Duration.between(lastAsked, now).compareTo(KEEP_WARM) < 0;
        boolean halfOld = recent == null || Duration.between(recent.at(), now).compareTo(maxAge.dividedBy(2)) >= 0;
        if (!wanted || !halfOld || (recent != null && !recent.report().isDone())) {
            return;
        }
        try {
            CompletableFuture<HealthReport> report = check(now);
            report.join();
            latest.accumulateAndGet(
                    new Checked(now, report),
                    (old, fresh) -> old == null || old.at().isBefore(fresh.at()) ? fresh : old);
        } catch (RuntimeException e) {
            // The database is away, say: the next request checks for itself and says so.
        }
    }

    /** When the latest report's checking started, if there is one. */
    Optional<Instant> latestCheckedAt() {
        return Optional.ofNullable(latest.get()).map(Checked::at);
    }

    /** Younger than the maximum age, not failed, and not from after now (a clock set back). */
    private boolean isUsable(Checked checked, Instant now) {
        return !checked.at().isAfter(now)
                && Duration.between(checked.at(), now).compareTo(maxAge) < 0
                && !checked.report().isCompletedExceptionally();
    }

    private CompletableFuture<HealthReport> check(Instant now) {
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

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
        executor.shutdownNow();
    }
}
