package com.guitarstudio.lessons.admin;

import com.guitarstudio.lessons.lessons.ChunkPreview;
import com.guitarstudio.lessons.studio.TimeZones;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * How the admin pages write times: relative ("3 hours ago") next to absolute with the zone named
 * ("Sat 28 Nov 2026, 02:00 New York time"), in the studio's zone (STUDIO_TIME_ZONE); a lesson's time
 * in its own zone, as its teacher and student see it. Used from the templates as {@code @times}.
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

    Times(Clock clock, PageProperties pages, AdminMessages messages) {
        this.clock = clock;
        this.zone = ZoneId.of(pages.zone());
        this.messages = messages;
    }

    /** The zone the page's days are read in (a history filter's {@code from} and {@code to}). */
    ZoneId zoneId() {
        return zone;
    }

    public String zone() {
        return zone.getId();
    }

    /** The pages' zone as people say it: "New York time", "UTC". */
    public String zoneName() {
        return zoneName(zone.getId());
    }

    /**
     * A zone as people say it: its place and "time" ("New York time", "Lord Howe time"), or the id
     * itself for UTC and fixed offsets ("UTC", "+05:30").
     */
    public String zoneName(String zoneId) {
        return TimeZones.place(zoneId)
                .map(place -> messages.get("time.zone", place))
                .orElse(zoneId.startsWith("Etc/") ? zoneId.substring(4) : zoneId);
    }

    public String absolute(Instant instant) {
        return instant == null ? "never" : ABSOLUTE.format(instant.atZone(zone)) + " " + zoneName();
    }

    /**
     * A lesson's time as its student and teacher see it, in the lesson's own zone ("Tue 16 Mar
     * 2027, 17:30 Chicago time"); in the page's zone when the lesson's is not a known zone id.
     */
    public String local(Instant instant, String lessonZone) {
        ZoneId in = TimeZones.parse(lessonZone).orElse(zone);
        return ABSOLUTE.format(instant.atZone(in)) + " " + zoneName(in.getId());
    }

    /**
     * The one zone a table's lessons are all in, so the table names it once in its header; null when
     * they are in several zones (then each row names its own).
     */
    public String sharedZone(Collection<String> lessonZones) {
        Set<String> zones = new HashSet<>(lessonZones);
        return zones.size() == 1 ? zones.iterator().next() : null;
    }

    /** The header of a table's time column: "When (Chicago time)", or "When (each teacher's time)". */
    public String whenHeader(String sharedZone) {
        return sharedZone == null
                ? messages.get("table.when.teachers")
                : messages.get("table.when.zone", zoneName(sharedZone));
    }

    /**
     * A lesson's start in its own zone for a table row: without the zone when the table names it once
     * ({@code sharedZone} not null), with it otherwise.
     */
    public String inTable(Instant instant, String lessonZone, String sharedZone) {
        if (sharedZone == null) {
            return local(instant, lessonZone);
        }
        return ABSOLUTE.format(instant.atZone(TimeZones.parse(lessonZone).orElse(zone)));
    }

    /** The date of {@code instant} in the pages' zone as ISO-8601, for links: "2027-03-15". */
    public String isoDate(Instant instant) {
        return instant == null ? "" : LocalDate.ofInstant(instant, zone).toString();
    }

    /** The date of {@code instant} in the pages' zone, "Mon 15 Mar 2027". */
    public String date(Instant instant) {
        return DATE.format(instant.atZone(zone));
    }

    /**
     * A lesson's terms as its student and teacher see them: "Tue 16 Mar 2027, 17:30 Chicago time,
     * 30 min, 25.00" (the price in the studio's currency units, from cents); without the zone when
     * the table names it once.
     */
    public String lesson(ChunkPreview.LessonState lesson, String sharedZone) {
        return messages.get(
                "time.lesson",
                inTable(lesson.startAt(), lesson.timezone(), sharedZone),
                lesson.durationMinutes(),
                Words.amount(lesson.price()));
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

    /** A lesson's start in its own zone, without the zone: "Tue 16 Mar 2027, 17:30". */
    public String wallClock(LocalDateTime local) {
        return ABSOLUTE.format(local);
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
