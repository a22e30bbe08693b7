package com.guitarstudio.lessons.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How the admin page writes times: relative ("3 hours ago") next to absolute with the zone named
 * ("Sat 28 Nov 2026, 02:00 UTC"), in GENERATION_ZONE, the zone the studio's schedule is read in.
 * Used from the templates as {@code @times}.
 */
@Component("times")
public class Times {

    private static final DateTimeFormatter ABSOLUTE =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final Clock clock;
    private final ZoneId zone;

    Times(Clock clock, @Value("${app.generation.zone}") String zone) {
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    public String zone() {
        return zone.getId();
    }

    public String absolute(Instant instant) {
        return instant == null ? "never" : ABSOLUTE.format(instant.atZone(zone)) + " " + zone.getId();
    }

    /** ISO-8601, for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** "14:05", the time of day in the zone. */
    public String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    public String day(Instant instant) {
        return DAY.format(instant.atZone(zone));
    }

    public String relative(Instant instant) {
        if (instant == null) {
            return "never";
        }
        Duration between = Duration.between(instant, clock.instant());
        boolean past = !between.isNegative();
        long seconds = Math.abs(between.getSeconds());
        String amount;
        if (seconds < 60) {
            return "just now";
        } else if (seconds < 3600) {
            amount = plural(seconds / 60, "minute");
        } else if (seconds < 86_400) {
            amount = plural(seconds / 3600, "hour");
        } else {
            amount = plural(seconds / 86_400, "day");
        }
        return past ? amount + " ago" : "in " + amount;
    }

    /** "850 ms", "0.8 s" style: under a minute in seconds with one decimal, else minutes and seconds. */
    public String duration(Long millis) {
        if (millis == null) {
            return "–";
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ENGLISH, "%.1f s", millis / 1000.0);
        }
        return (millis / 60_000) + " min " + (millis % 60_000) / 1000 + " s";
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
