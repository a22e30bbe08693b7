package com.guitarstudio.lessons.generation;

import com.github.benmanes.caffeine.cache.Ticker;
import com.guitarstudio.lessons.config.DatabaseFailures;
import com.guitarstudio.lessons.joblog.JobLogService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a generation run may start: a ShedLock lock in the {@code
 * shedlock} table, shared by every instance on the database. Times come from the database
 * ({@code usingDbTime()}), so instances with skewed clocks agree on when a lock expires. Every
 * trigger (schedule, cron endpoint, admin button, startup) goes through it programmatically, which
 * lets a trigger that finds the lock taken record a SKIPPED run; correctness never depends on the
 * lock, the unique keys of {@code lesson} do.
 *
 * <p>The lock is a short lease, {@code app.generation.lock-lease} (two minutes; or
 * GENERATION_LOCK_AT_MOST_FOR if shorter), that
 * the holder renews every quarter of it while the run lives, up to GENERATION_LOCK_AT_MOST_FOR in
 * all: an instance that dies keeps the others from running for two minutes at most, not for the
 * length of a run. Letting go survives a database outage: if the database is away when the run ends,
 * what the run must still record ({@link Lease#beforeRelease}) and the release itself are retried
 * every {@link #RETRY_EVERY} until the database is back, the release only while the lease is surely
 * still this instance's.
 */
@Component
class GenerationLock {

    private static final Logger log = LoggerFactory.getLogger(GenerationLock.class);

    /** The lock's name: the job's. */
    static final String NAME = JobLogService.JOB_NAME;

    /** How often what could not reach the database is tried again. */
    static final Duration RETRY_EVERY = Duration.ofSeconds(5);

    /**
     * Releasing this close to the lease's end could release a lock someone else has taken since
     * (ShedLock releases by lock name and host name).
     */
    private static final Duration RELEASE_MARGIN = Duration.ofSeconds(10);

    private final JdbcTemplateLockProvider provider;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final GenerationProperties properties;
    /**
     * Renewals and retries, on the application's scheduler. ShedLock's {@code KeepAliveLockProvider}
     * renews too, but neither stops at GENERATION_LOCK_AT_MOST_FOR nor keeps the lock until the run's
     * record reaches a database that was away: that is why the lease is renewed here.
     */
    private final TaskScheduler scheduler;
    /** How long the lease has been held, whatever the wall clock does. */
    private final Ticker ticker;

    GenerationLock(
            DataSource dataSource,
            JdbcClient jdbc,
            Clock clock,
            GenerationProperties properties,
            TaskScheduler scheduler,
            Ticker ticker) {
        this.provider = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.scheduler = scheduler;
        this.ticker = ticker;
    }

    /** Runs {@code task} holding the lock; empty when another run holds it (or the task returned null). */
    <T> Optional<T> runExclusively(Function<Lease, T> task) {
        Optional<SimpleLock> taken = take();
        if (taken.isEmpty() && heldSince().isEmpty()) {
            // Nobody holds the lock, yet it was not granted: the lock row was deleted (an operator
            // clearing a stuck lock, say) after this process created it, and ShedLock only updates
            // rows it remembers creating. Forget that and try once more.
            provider.clearCache();
            taken = take();
        }
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        Lease held = new Lease(taken.get());
        try {
            return Optional.ofNullable(task.apply(held));
        } finally {
            held.release();
        }
    }

    private Optional<SimpleLock> take() {
        return provider.lock(new LockConfiguration(clock.instant(), NAME, lease(), Duration.ZERO));
    }

    private Duration lease() {
        Duration lease = properties.lockLease();
        return properties.lockAtMostFor().compareTo(lease) < 0 ? properties.lockAtMostFor() : lease;
    }

    /** How long before the lease's end this instance stops releasing it (it lapses by itself then). */
    private Duration releaseMargin() {
        Duration quarter = lease().dividedBy(4);
        return quarter.compareTo(RELEASE_MARGIN) < 0 ? quarter : RELEASE_MARGIN;
    }

    /** When the current holder took the lock, if it is held. */
    Optional<Instant> heldSince() {
        return jdbc.sql("""
                select locked_at from shedlock
                where name = :name and lock_until > timezone('utc', current_timestamp)
                """)
                .param("name", NAME)
                .query(LocalDateTime.class)
                .optional()
                // usingDbTime() stores UTC wall-clock time in timestamp columns
                .map(lockedAt -> lockedAt.toInstant(ZoneOffset.UTC));
    }

    /** The lock while a task holds it: renewed in the background, let go when the task ends. */
    final class Lease {

        private final long takenAt = ticker.read();
        private final Deque<Runnable> beforeRelease = new ArrayDeque<>();
        private final ScheduledFuture<?> renewal;
        private SimpleLock lock;
        /** The lease is surely this instance's until then (by the ticker). */
        private long leaseSafeUntil;

        private Lease(SimpleLock lock) {
            this.lock = lock;
            this.leaseSafeUntil = takenAt + lease().minus(releaseMargin()).toNanos();
            Duration every = lease().dividedBy(4);
            this.renewal = scheduler.scheduleWithFixedDelay(this::renew, later(every), every);
        }

        /**
         * {@code action} must reach the database before the lock is let go (a run's final record,
         * which failed just now): it is retried, then the lock released, once the database is back.
         */
        synchronized void beforeRelease(Runnable action) {
            beforeRelease.add(action);
        }

        private synchronized void renew() {
            Duration held = Duration.ofNanos(ticker.read() - takenAt);
            if (lock == null || held.plus(lease()).compareTo(properties.lockAtMostFor()) > 0) {
                // GENERATION_LOCK_AT_MOST_FOR: the lease is not renewed past it, and lapses.
                return;
            }
            long asked = ticker.read();
            try {
                Optional<SimpleLock> renewed = lock.extend(lease(), Duration.ZERO);
                if (renewed.isPresent()) {
                    lock = renewed.get();
                    leaseSafeUntil = asked + lease().minus(releaseMargin()).toNanos();
                } else {
                    log.warn("The lesson generation lock lapsed while the run went on; another run may start");
                    lock = null;
                }
            } catch (RuntimeException e) {
                // The database is away, say: the lease still runs; the next renewal tries again.
                log.warn("Could not renew the lesson generation lock: {}", DatabaseFailures.rootMessage(e));
            }
        }

        private void release() {
            renewal.cancel(false);
            finishOrRetry();
        }

        private void finishOrRetry() {
            if (!tryToFinish()) {
                scheduler.schedule(this::finishOrRetry, later(RETRY_EVERY));
            }
        }

        /** Runs what must be recorded, then releases the lock; true when nothing is left to do. */
        private synchronized boolean tryToFinish() {
            try {
                while (!beforeRelease.isEmpty()) {
                    beforeRelease.peek().run();
                    beforeRelease.poll();
                }
                if (lock != null && ticker.read() < leaseSafeUntil) {
                    lock.unlock();
                }
                lock = null;
                return true;
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isUnavailable(e)) {
                    log.error("Could not finish a lesson generation run's record; giving up", e);
                    beforeRelease.clear();
                    return tryToFinish();
                }
                if (lock != null && ticker.read() >= leaseSafeUntil) {
                    // From now on the lease lapses by itself.
                    lock = null;
                }
                log.warn(
                        "Database unavailable at the end of a lesson generation run; trying again every {} s: {}",
                        RETRY_EVERY.toSeconds(),
                        DatabaseFailures.rootMessage(e));
                return false;
            }
        }
    }

    /** {@code wait} from now by the scheduler's own clock (the system's, whatever the application's says). */
    private Instant later(Duration wait) {
        return scheduler.getClock().instant().plus(wait);
    }
}
