package com.guitarstudio.lessons.lessons;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
 *
 * <p>The studio calendar narrows and marks them: a slot with a term meets only from its {@code
 * startsOn} through its {@code endsOn}; a slot that meets every n weeks counts its weeks from the
 * first meeting on or after {@code startsOn} (week 0) and keeps the multiples of n. An occurrence on
 * a date that a closure of the teacher (or of the whole studio) covers is planned all the same and
 * written as CLOSED with that closure ({@link #closureOn}).
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
        if (slot.endsOn() != null && slot.endsOn().isBefore(last)) {
            last = slot.endsOn();
        }
        List<Occurrence> occurrences = new ArrayList<>();
        for (LocalDate date = firstMeeting(slot, today);
                !date.isAfter(last);
                date = date.plusWeeks(slot.intervalWeeks())) {
            Instant startAt = startAt(date, slot.startTime(), zone);
            if (!startAt.isBefore(now)) {
                occurrences.add(new Occurrence(date, startAt));
            }
        }
        return occurrences;
    }

    /**
     * Whether the slot meets on {@code date} at all, whatever the window: its weekday, within its term,
     * in a week of its cadence. A run keeps a lesson whose date still passes, and cancels one whose
     * date no longer does.
     */
    static boolean meetsOn(WeeklySlot slot, LocalDate date) {
        if (date.getDayOfWeek() != slot.day()
                || (slot.startsOn() != null && date.isBefore(slot.startsOn()))
                || (slot.endsOn() != null && date.isAfter(slot.endsOn()))) {
            return false;
        }
        return slot.intervalWeeks() == 1 || ChronoUnit.WEEKS.between(weekZero(slot), date) % slot.intervalWeeks() == 0;
    }

    /**
     * The instant a lesson at wall-clock {@code time} on {@code date} starts in {@code zone}: a time in
     * a spring-forward gap moves forward by the gap, a time that happens twice takes the earlier one.
     */
    static Instant startAt(LocalDate date, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    /** The first date on or after {@code today} on which the slot meets, by its weekday, term and cadence. */
    private static LocalDate firstMeeting(WeeklySlot slot, LocalDate today) {
        LocalDate from = slot.startsOn() != null && slot.startsOn().isAfter(today) ? slot.startsOn() : today;
        LocalDate first = from.with(TemporalAdjusters.nextOrSame(slot.day()));
        if (slot.intervalWeeks() == 1) {
            return first;
        }
        long offWeeks = ChronoUnit.WEEKS.between(weekZero(slot), first) % slot.intervalWeeks();
        return offWeeks == 0 ? first : first.plusWeeks(slot.intervalWeeks() - offWeeks);
    }

    /** The first meeting of a slot that meets every n weeks: its weekday on or after its first date. */
    private static LocalDate weekZero(WeeklySlot slot) {
        return slot.startsOn().with(TemporalAdjusters.nextOrSame(slot.day()));
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

    /**
     * The occurrences a slot needs after its terms changed from {@code before} (how its lessons were
     * last planned): the dates after its latest lesson, and the dates the old terms did not meet on
     * (another weekday, a longer term, a shorter cadence). A date the old terms did meet on and that
     * has no lesson was deleted by the studio, and stays deleted.
     */
    List<Occurrence> missing(WeeklySlot slot, ZoneId zone, Instant now, LocalDate generatedThrough, WeeklySlot before) {
        List<Occurrence> occurrences = occurrences(slot, zone, now);
        occurrences.removeIf(occurrence -> generatedThrough != null
                && !occurrence.date().isAfter(generatedThrough)
                && meetsOn(before, occurrence.date()));
        return occurrences;
    }

    /**
     * The closure that covers {@code date} for {@code teacher}, or null when the teacher works that
     * day: of the closures that apply to them (studio-wide or their own) and cover the date, the one
     * {@link Closure#PRECEDENCE} puts first.
     */
    static UUID closureOn(UUID teacher, LocalDate date, List<Closure> closures) {
        Closure first = null;
        for (Closure closure : closures) {
            if (closure.appliesTo(teacher)
                    && closure.covers(date)
                    && (first == null || Closure.PRECEDENCE.compare(closure, first) < 0)) {
                first = closure;
            }
        }
        return first == null ? null : first.id();
    }

    /** The last instant a run starting at {@code now} may plan for: {@code now} + the horizon + 1 day. */
    Instant windowEnd(Instant now) {
        return now.plus(Duration.ofDays(horizonDays + 1L));
    }
}
