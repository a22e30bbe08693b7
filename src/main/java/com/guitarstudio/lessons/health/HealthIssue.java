package com.guitarstudio.lessons.health;

/**
 * One problem the health checks found.
 *
 * @param check which check found it (teachers-without-settings, orphaned-slots, old-slots,
 *     unknown-time-zones, overlapping-slots, stale-job, cron-secret)
 * @param count how many teachers, slots or runs it concerns
 * @param message one sentence, with the count
 * @param suggestion what to do about it
 */
public record HealthIssue(String check, long count, String message, String suggestion) {}
