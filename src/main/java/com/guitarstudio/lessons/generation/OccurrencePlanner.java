package com.guitarstudio.lessons.generation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The time-zone rules of lesson generation, as a pure function: no I/O, no clock.
 *
 * <p>The occurrences of a slot are the dates from the teacher's {@code today} through {@code today +
 * horizon} (inclusive) that fall on the slot's weekday, at the slot's wall-clock time in the
 * teacher's zone, keeping those that start at or after {@code now}. A local time is resolved like
 * {@link ZonedDateTime#of}: a time inside a spring-forward gap moves forward by the length of the
 * gap (02:30 becomes 03:30), a time that happens twice at fall-back takes the earlier instant. So a
 * 17:30 lesson stays at 17:30 local time all year while its UTC instant follows daylight saving,
 * and with a 12-week horizon every slot has at least 12 future lessons.
 */
final class OccurrencePlanner {

    private final int horizonDays;

    OccurrencePlanner(int horizonWeeks) {
        if (horizonWeeks < 1) {
            throw new IllegalArgumentException("The horizon must be at least one week, not " + horizonWeeks);
        }
        this.horizonDays = horizonWeeks * 7;
    }

    List<Occurrence> occurrences(WeeklySlot slot, ZoneId zone, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate last = today.plusDays(horizonDays);
        List<Occurrence> occurrences = new ArrayList<>(horizonDays / 7 + 1);
        for (LocalDate date = today.with(TemporalAdjusters.nextOrSame(slot.day()));
                !date.isAfter(last);
                date = date.plusWeeks(1)) {
            Instant startAt = ZonedDateTime.of(date, slot.startTime(), zone).toInstant();
            if (!startAt.isBefore(now)) {
                occurrences.add(new Occurrence(date, startAt));
            }
        }
        return occurrences;
    }

    /**
     * The occurrences a slot still needs, given that its lessons exist through {@code
     * generatedThrough} (the latest {@code occurrence_date} of its lessons, or null): dates up to
     * that one are done, so a run with nothing new to create plans nothing. Only when that date
     * falls on the slot's weekday: a slot moved to another day gets its whole window again (the
     * unique keys keep what exists). A generated lesson deleted before that date is therefore not
     * recreated, like a cancelled one.
     */
    List<Occurrence> missing(WeeklySlot slot, ZoneId zone, Instant now, LocalDate generatedThrough) {
        List<Occurrence> occurrences = occurrences(slot, zone, now);
        if (generatedThrough == null || generatedThrough.getDayOfWeek() != slot.day()) {
            return occurrences;
        }
        occurrences.removeIf(occurrence -> !occurrence.date().isAfter(generatedThrough));
        return occurrences;
    }

    /** The last instant a run starting at {@code now} may plan for: {@code now} + the horizon + 1 day. */
    Instant windowEnd(Instant now) {
        return now.plus(Duration.ofDays(horizonDays + 1L));
    }
}
