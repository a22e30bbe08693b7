package com.guitarstudio.lessons.admin;

import com.guitarstudio.lessons.generation.GenerationProperties;
import com.guitarstudio.lessons.lessons.ChunkPreview;
import com.guitarstudio.lessons.studio.TimeZones;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final Clock clock;
    private final ZoneId zone;
    private final AdminMessages messages;

    Times(Clock clock, GenerationProperties generation, AdminMessages messages) {
        this.clock = clock;
        this.zone = ZoneId.of(generation.zone());
        this.messages = messages;
    }

    /** The zone the page's days are read in (a history filter's {@code from} and {@code to}). */
    ZoneId zoneId() {
        return zone;
    }

    public String zone() {
        return zone.getId();
    }

    public String absolute(Instant instant) {
        return instant == null ? "never" : ABSOLUTE.format(instant.atZone(zone)) + " " + zone.getId();
    }

    /**
     * A lesson's time as its student and teacher see it, in the lesson's own zone ("Tue 16 Mar
     * 2027, 17:30 America/Chicago"); in the page's zone when the lesson's is not a known zone id.
     */
    public String local(Instant instant, String lessonZone) {
        ZoneId in = TimeZones.parse(lessonZone).orElse(zone);
        return ABSOLUTE.format(instant.atZone(in)) + " " + in.getId();
    }

    /**
     * A lesson's terms as its student and teacher see them: "Tue 16 Mar 2027, 17:30 America/Chicago,
     * 30 min, 25.00" (the price in the studio's currency units, from cents).
     */
    public String lesson(ChunkPreview.LessonState lesson) {
        return messages.get(
                "time.lesson",
                local(lesson.startAt(), lesson.timezone()),
                lesson.durationMinutes(),
                String.format(Locale.ENGLISH, "%d.%02d", lesson.price() / 100, lesson.price() % 100));
    }

    /**
     * What a change does to a lesson, in words: "Cancelled", "Back on", or what changed ("New time and
     * new price", "Closed").
     */
    public String change(ChunkPreview.Change change) {
        if (!change.change().equals("UPDATED")) {
            return messages.get("preview.change." + change.change());
        }
        ChunkPreview.LessonState before = change.before();
        ChunkPreview.LessonState after = change.after();
        List<String> what = new ArrayList<>();
        if (!before.startAt().equals(after.startAt())) {
            what.add(messages.get("preview.change.time"));
        }
        if (before.durationMinutes() != after.durationMinutes()) {
            what.add(messages.get("preview.change.length"));
        }
        if (before.price() != after.price()) {
            what.add(messages.get("preview.change.price"));
        }
        if (!before.status().equals(after.status())) {
            what.add(messages.get(
                    "CLOSED".equals(after.status()) ? "preview.change.closed" : "preview.change.reopened"));
        }
        String words = what.isEmpty() ? messages.get("preview.change.student") : String.join(" and ", what);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A calendar date, "Mon 15 Mar 2027". */
    public String date(LocalDate date) {
        return DATE.format(date);
    }

    /** A range of dates, both ends included: "Mon 15 Mar 2027 – Tue 23 Mar 2027", or one date. */
    public String dates(LocalDate first, LocalDate last) {
        return first.equals(last) ? date(first) : date(first) + " – " + date(last);
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
        long seconds = Math.abs(between.getSeconds());
        if (seconds < 60) {
            return messages.get("time.justNow");
        }
        String amount;
        if (seconds < 3600) {
            amount = messages.get("time.minutes", seconds / 60);
        } else if (seconds < 86_400) {
            amount = messages.get("time.hours", seconds / 3600);
        } else {
            amount = messages.get("time.days", seconds / 86_400);
        }
        return messages.get(between.isNegative() ? "time.in" : "time.ago", amount);
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
}
