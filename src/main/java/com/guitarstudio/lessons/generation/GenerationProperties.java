package com.guitarstudio.lessons.generation;

import com.guitarstudio.lessons.config.InvalidEnvironment;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of lesson generation. application.properties maps the documented environment variables
 * (GENERATION_CRON, GENERATION_HORIZON_WEEKS, …) onto these and holds their defaults.
 *
 * @param cron when the in-process schedule runs (Spring cron: second minute hour day month weekday)
 * @param zone the zone the cron expression is read in
 * @param scheduleEnabled whether the in-process schedule runs at all
 * @param catchUpOnStartup run once at startup when active slots exist and nothing succeeded for a day
 * @param lockAtMostFor the longest one run holds the lock (GENERATION_LOCK_AT_MOST_FOR)
 * @param lockLease how long the lock row says the lock is held after each renewal: how long a crashed
 *     instance keeps the others from running (two minutes; shorter only in tests)
 * @param teachersPerChunk teachers written per transaction
 * @param writers connections that write chunks at the same time (GENERATION_WRITERS); 1 writes each
 *     chunk before reading the next
 */
@ConfigurationProperties("app.generation")
@Validated
public record GenerationProperties(
        @NotNull String cron,
        @NotNull String zone,
        boolean scheduleEnabled,
        boolean catchUpOnStartup,
        @NotNull Duration lockAtMostFor,
        @NotNull Duration lockLease,
        @Min(1) @Max(10_000) int teachersPerChunk,
        @Min(1) @Max(4) int writers) {

    public GenerationProperties {
        if (cron != null && !CronExpression.isValidExpression(cron)) {
            throw InvalidEnvironment.invalid(
                    "GENERATION_CRON",
                    "'" + cron + "' is not a valid cron expression: it has six fields, second minute hour"
                            + " day-of-month month day-of-week, for example 0 0 2 * * *");
        }
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw InvalidEnvironment.invalid(
                        "GENERATION_ZONE", "'" + zone + "' is not a time zone id, for example UTC or America/Chicago");
            }
        }
        if (lockLease != null && lockLease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("app.generation.lock-lease must be at least a second, not " + lockLease);
        }
        if (lockAtMostFor != null && lockAtMostFor.compareTo(Duration.ofMinutes(1)) < 0) {
            throw InvalidEnvironment.invalid(
                    "GENERATION_LOCK_AT_MOST_FOR", "must be at least one minute (PT1M), not " + lockAtMostFor);
        }
    }
}
