package com.guitarstudio.lessons.feeds;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Calendar feeds.
 *
 * @param requestsPerHour CALENDAR_FEED_REQUESTS_PER_HOUR: how many requests one feed link may make in
 *     an hour (on each instance); the rest are answered 429 before any database work
 */
@ConfigurationProperties("app.calendar-feeds")
@Validated
record CalendarFeedProperties(@Min(1) @Max(100_000) int requestsPerHour) {}
