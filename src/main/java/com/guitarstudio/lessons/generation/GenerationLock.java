package com.guitarstudio.lessons.generation;

import com.guitarstudio.lessons.joblog.JobLogService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a generation run may start: a ShedLock lock in the {@code
 * shedlock} table, shared by every instance on the database. Times come from the database
 * ({@code usingDbTime()}), so instances with skewed clocks agree on when a lock expires. Every
 * trigger (schedule, cron endpoint, admin button, startup) goes through it programmatically, which
 * lets a trigger that finds the lock taken record a SKIPPED run; correctness never depends on the
 * lock, the unique keys of {@code lesson} do.
 */
@Component
class GenerationLock {

    /** The lock's name: the job's. */
    static final String NAME = JobLogService.JOB_NAME;

    private final JdbcTemplateLockProvider provider;
    private final LockingTaskExecutor executor;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final GenerationProperties properties;

    GenerationLock(DataSource dataSource, JdbcClient jdbc, Clock clock, GenerationProperties properties) {
        this.provider = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
        this.executor = new DefaultLockingTaskExecutor(provider);
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Runs {@code task} holding the lock; empty when another run holds it. */
    <T> Optional<T> runExclusively(Supplier<T> task) {
        TaskResult<T> result = tryToRun(task);
        if (!result.wasExecuted() && heldSince().isEmpty()) {
            // Nobody holds the lock, yet it was not granted: the lock row was deleted (an operator
            // clearing a stuck lock, say) after this process created it, and ShedLock only updates
            // rows it remembers creating. Forget that and try once more.
            provider.clearCache();
            result = tryToRun(task);
        }
        return result.wasExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
    }

    private <T> TaskResult<T> tryToRun(Supplier<T> task) {
        LockConfiguration configuration =
                new LockConfiguration(clock.instant(), NAME, properties.lockAtMostFor(), Duration.ZERO);
        try {
            return executor.executeWithLock(task::get, configuration);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
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
}
