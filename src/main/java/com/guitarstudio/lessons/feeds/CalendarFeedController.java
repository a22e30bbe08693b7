package com.guitarstudio.lessons.feeds;

import com.guitarstudio.lessons.lessons.LessonProperties;
import com.guitarstudio.lessons.security.Sha256;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * {@code GET /calendar/<token>.ics}: a teacher's or student's lessons for calendar apps, without
 * signing in (the link is the secret). In order: the token's shape (404, no database work), the
 * link's request limit (429, no database work), one lookup of its hash (404 for a revoked link and
 * for one never issued alike), then the lessons from 30 days ago to the horizon. An unchanged feed keeps
 * its ETag, so an app that sends {@code If-None-Match} gets a 304 without the body.
 */
@RestController
@Tag(name = "Calendar feeds")
class CalendarFeedController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private static final MediaType TEXT_PLAIN = new MediaType("text", "plain", StandardCharsets.UTF_8);

    /** How far back a feed goes. */
    static final int DAYS_BACK = 30;

    static final String SERVED = "served";
    static final String UNCHANGED = "unchanged";
    static final String NOT_FOUND = "not_found";
    static final String LIMITED = "limited";

    /** Apps may reuse a copy this long; after it they ask again, with the ETag. */
    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate();

    private final FeedRequestLimit limit;
    private final CalendarFeeds feeds;
    private final FeedLessons lessons;
    private final IcsCalendar ics;
    private final LessonProperties horizon;
    private final Clock clock;
    private final MessageSourceAccessor messages;
    private final Map<String, Counter> answered;

    CalendarFeedController(
            FeedRequestLimit limit,
            CalendarFeeds feeds,
            FeedLessons lessons,
            IcsCalendar ics,
            LessonProperties horizon,
            Clock clock,
            MessageSourceAccessor messages,
            MeterRegistry meters) {
        this.limit = limit;
        this.feeds = feeds;
        this.lessons = lessons;
        this.ics = ics;
        this.horizon = horizon;
        this.clock = clock;
        this.messages = messages;
        // all four from the start, so a dashboard sees 0 rather than nothing
        this.answered = Stream.of(SERVED, UNCHANGED, NOT_FOUND, LIMITED)
                .collect(Collectors.toMap(
                        outcome -> outcome,
                        outcome -> Counter.builder("lessons.calendar.feed.requests")
                                .description(
                                        "Requests for calendar feeds, by outcome: served, unchanged (304), not_found, limited (429)")
                                .tag("outcome", outcome)
                                .register(meters)));
    }

    @GetMapping("/calendar/{token}.ics")
    @SecurityRequirements
    @Operation(
            operationId = "calendarFeed",
            summary = "A teacher's or student's lessons as an iCalendar feed (RFC 5545), for calendar apps",
            description = "No sign-in: the link is the secret. One VEVENT per lesson from 30 days ago to the"
                    + " generation horizon; cancelled and closed lessons are STATUS:CANCELLED with the reason."
                    + " Send If-None-Match with the last ETag to get a 304 when nothing changed.")
    @ApiResponse(
            responseCode = "200",
            description = "The calendar",
            headers = @Header(name = HttpHeaders.ETAG, description = "Changes exactly when the calendar does"),
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @ApiResponse(
            responseCode = "404",
            description = "No feed has this link (never issued, or revoked)",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    @ApiResponse(
            responseCode = "429",
            description = "This link was asked for more than CALENDAR_FEED_REQUESTS_PER_HOUR times this hour",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds until it may ask again"),
            content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    ResponseEntity<String> feed(
            @Parameter(description = "The secret part of the feed's link (43 characters)") @PathVariable("token")
                    String token,
            @Parameter(hidden = true) ServletWebRequest request) {
        Optional<FeedToken> parsed = FeedToken.parse(token);
        if (parsed.isEmpty()) {
            return notFound();
        }
        Optional<Duration> wait = limit.admit(parsed.get());
        if (wait.isPresent()) {
            answered.get(LIMITED).increment();
            long seconds = Math.max(1, wait.get().toSeconds());
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .cacheControl(CacheControl.noStore())
                    .contentType(TEXT_PLAIN)
                    .body(messages.getMessage("feed.tooManyRequests", new Object[] {(seconds + 59) / 60}));
        }
        Optional<CalendarFeeds.Subscription> subscription = feeds.open(parsed.get());
        if (subscription.isEmpty()) {
            return notFound();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant from = today.minusDays(DAYS_BACK).atStartOfDay(ZoneOffset.UTC).toInstant();
        // Through the last lesson a run could write today (its window ends a day past the horizon).
        Instant to = today.plusWeeks(horizon.horizonWeeks())
                .plusDays(2)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        String body =
                ics.write(subscription.get(), lessons.between(subscription.get().owner(), from, to));
        String etag = etag(body);
        request.getResponse().setHeader(HttpHeaders.CACHE_CONTROL, CACHE.getHeaderValue());
        if (request.checkNotModified(etag)) {
            answered.get(UNCHANGED).increment();
            return null; // 304 with the ETag and Cache-Control, no body
        }
        answered.get(SERVED).increment();
        return ResponseEntity.ok().contentType(TEXT_CALENDAR).eTag(etag).body(body);
    }

    private ResponseEntity<String> notFound() {
        answered.get(NOT_FOUND).increment();
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .cacheControl(CacheControl.noStore())
                .contentType(TEXT_PLAIN)
                .body(messages.getMessage("feed.notFound"));
    }

    /** A strong ETag: the first 128 bits of the body's SHA-256. */
    private static String etag(String body) {
        byte[] digest = Sha256.of(body);
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
    }
}
