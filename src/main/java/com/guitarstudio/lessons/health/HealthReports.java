package com.guitarstudio.lessons.health;

import com.guitarstudio.lessons.config.Futures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Service;

/**
 * The health report as the admin page, the admin API and {@code /actuator/health} show it: never
 * older than {@code HEALTH_MAX_AGE} (5 s), so an admin who fixes something and reloads sees it
 * within seconds. The studio's numbers and the checks run side by side on the {@code healthChecks}
 * pool (a check that needs the numbers waits for them), so a report takes about as long as its
 * slowest query, and however many reports are asked for at once, they hold at most {@value
 * #THREADS} connections.
 *
 * <p>Some checks read every upcoming lesson or every slot's latest lesson, which in a large studio
 * is too long for a page to wait. So once the application is ready, a background refresh (on the
 * application's scheduler) checks again whenever the report is half its maximum age old, and a
 * request is answered from that report without waiting for any check. What the refresh may spend is
 * bounded, because refreshing without bounds during runs slowed the runs down (the measurements are
 * in docs/performance.md):
 *
 * <ul>
 *   <li>When a report takes at most half the maximum age, it is kept fresh whether anyone looks or
 *       not, so even the first request after a quiet night waits for nothing.
 *   <li>When it takes longer, it is kept fresh only while someone has asked within {@link
 *       #KEEP_WARM}; the first request after that waits for the checks.
 *   <li>While a generation run writes in this process ({@link #whileGenerating}), a report may be
 *       up to {@link #DURING_RUNS} old: the checks read the very lessons the run is writing, and
 *       the page says when its report was checked.
 * </ul>
 *
 * <p>{@code HEALTH_MAX_AGE} 0 checks on every request and refreshes nothing in the background.
 * Ages and the checks' duration are measured with the application's clock; the timer {@code
 * lessons.health.report} shows what the checks cost.
 */
@Service
public class HealthReports {

    static final int THREADS = HealthThreads.THREADS;

    /** How long after the last request a costly report is kept fresh in the background. */
    static final Duration KEEP_WARM = Duration.ofMinutes(5);

    /** How old a report may be while a run writes lessons in this process. */
    static final Duration DURING_RUNS = Duration.ofMinutes(1);

    private final List<HealthCheck> checks;
    private final IndicatorsQuery indicators;
    private final Clock clock;
    private final Duration maxAge;
    private final Executor executor;
    private final TaskScheduler scheduler;
    private final MeterRegistry registry;
    private final Timer checking;
    /** The latest report, finished or being checked, and when its checking started. */
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    /** Generation runs writing in this process now. */
    private final AtomicInteger runs = new AtomicInteger();

    private volatile Instant lastAsked = Instant.MIN;
    /** How long the latest complete report took, by the application's clock. */
    private volatile Duration lastTook = Duration.ZERO;

    private record Snapshot(Instant at, CompletableFuture<HealthReport> report) {}

    HealthReports(
            List<HealthCheck> checks,
            IndicatorsQuery indicators,
            Clock clock,
            HealthProperties properties,
            MeterRegistry registry,
            TaskScheduler scheduler,
            @Qualifier("healthChecks") Executor executor) {
        this.checks = checks;
        this.indicators = indicators;
        this.clock = clock;
        this.maxAge = properties.maxAge();
        this.executor = executor;
        this.scheduler = scheduler;
        this.registry = registry;
        this.checking = Timer.builder("lessons.health.report")
                .description(
                        "Health reports checked: the studio's numbers and every check (the background refresh's cost)")
                .register(registry);
    }

    /**
     * Starts the background refresh once the database is migrated and the application ready: it
     * looks every tenth of the maximum age (at least every second) whether the report is half old.
     */
    @EventListener(ApplicationReadyEvent.class)
    void keepFresh() {
        if (!maxAge.isZero()) {
            long tick = Math.max(50, Math.min(maxAge.toMillis() / 10, 1_000));
            scheduler.scheduleWithFixedDelay(this::refresh, Duration.ofMillis(tick));
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
        Snapshot recent = latest.get();
        if (recent != null && isYoung(recent, now, allowedAge())) {
            return recent.report();
        }
        Snapshot fresh = new Snapshot(now, check(now));
        latest.set(fresh);
        return fresh.report();
    }

    /**
     * Runs {@code generation} (a run writing lessons) with reports allowed to be up to {@link
     * #DURING_RUNS} old meanwhile.
     */
    public <T> T whileGenerating(Supplier<T> generation) {
        runs.incrementAndGet();
        try {
            return generation.get();
        } finally {
            runs.decrementAndGet();
        }
    }

    /**
     * Checks again when the report is half its allowed age old (or failed) and keeping it fresh is
     * wanted: its checks are cheap, or someone asked within {@link #KEEP_WARM}. The new report
     * replaces the old one once it is complete, so requests meanwhile are answered from the old one.
     * One refresh at a time: a caller that finds one going waits for it and then finds the report
     * young.
     */
    synchronized void refresh() {
        Instant now = clock.instant();
        boolean cheap = lastTook.multipliedBy(2).compareTo(maxAge) <= 0;
        boolean asked = Duration.between(lastAsked, now).compareTo(KEEP_WARM) < 0;
        Snapshot recent = latest.get();
        if (!(cheap || asked)
                || (recent != null
                        && (isYoung(recent, now, allowedAge().dividedBy(2))
                                || !recent.report().isDone()))) {
            return;
        }
        try {
            CompletableFuture<HealthReport> report = check(now);
            report.join();
            latest.accumulateAndGet(
                    new Snapshot(now, report),
                    (old, fresh) -> old == null || old.at().isBefore(fresh.at()) ? fresh : old);
        } catch (RuntimeException e) {
            // The database is away, say: the next request checks for itself and says so.
        }
    }

    /** Test seam: when the latest report's checking started, if there is one. */
    Optional<Instant> latestCheckedAt() {
        return Optional.ofNullable(latest.get()).map(Snapshot::at);
    }

    private Duration allowedAge() {
        return runs.get() > 0 && maxAge.compareTo(DURING_RUNS) < 0 ? DURING_RUNS : maxAge;
    }

    /** Younger than {@code age}, not failed, and not from after now (a clock set back). */
    private static boolean isYoung(Snapshot checked, Instant now, Duration age) {
        return !checked.at().isAfter(now)
                && Duration.between(checked.at(), now).compareTo(age) < 0
                && !checked.report().isCompletedExceptionally();
    }

    private CompletableFuture<HealthReport> check(Instant now) {
        Timer.Sample took = Timer.start(registry);
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
                                now))
                .whenComplete((report, failure) -> {
                    took.stop(checking);
                    if (report != null) {
                        lastTook = Duration.between(now, clock.instant());
                    }
                });
    }
}
