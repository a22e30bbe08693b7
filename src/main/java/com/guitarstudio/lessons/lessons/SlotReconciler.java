package com.guitarstudio.lessons.lessons;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Compares the lessons a slot owns with the slot as it is now, as a pure function: no I/O, no clock.
 *
 * <p>A lesson whose date the slot still meets on (its weekday, term and cadence, and the slot gets
 * lessons at all) takes the slot's terms: its wall-clock time in the teacher's zone on that date, its
 * duration and price, and CLOSED when a closure covers the date, else SCHEDULED; a lesson the
 * service cancelled before comes back that way. A lesson whose date the slot no longer meets on is
 * cancelled. A change to a lesson that starts before {@code cutoff}, or would start before it, is
 * not made: the lesson is held as it is.
 */
final class SlotReconciler {

    private SlotReconciler() {}

    /** The changes a slot's owned lessons need, and the ones held back by the notice period. */
    record Outcome(List<LessonChange> changes, List<LessonChange> held) {

        static final Outcome NONE = new Outcome(List.of(), List.of());
    }

    /**
     * @param zone the teacher's zone; null when it is unknown, which only a slot that gets no lessons
     *     may have
     * @param cutoff now plus the notice period: lessons starting earlier are never changed
     */
    static Outcome reconcile(
            SlotState slot, ZoneId zone, List<OwnedLesson> owned, List<Closure> closures, Instant cutoff) {
        List<LessonChange> changes = new ArrayList<>();
        List<LessonChange> held = new ArrayList<>();
        WeeklySlot weekly = slot.terms().weekly();
        for (OwnedLesson lesson : owned) {
            LessonChange change = slot.eligible() && OccurrencePlanner.meetsOn(weekly, lesson.occurrenceDate())
                    ? keep(slot.terms(), zone, lesson, closures)
                    : cancel(lesson);
            if (change == null) {
                continue;
            }
            if (change.before().startAt().isBefore(cutoff)
                    || change.after().startAt().isBefore(cutoff)) {
                held.add(change);
            } else {
                changes.add(change);
            }
        }
        return new Outcome(changes, held);
    }

    /** The lesson on a date its slot still meets on, with the slot's terms; null when it has them. */
    private static LessonChange keep(SlotTerms terms, ZoneId zone, OwnedLesson lesson, List<Closure> closures) {
        UUID closure = OccurrencePlanner.closureOn(terms.teacherId(), lesson.occurrenceDate(), closures);
        LessonValues after = new LessonValues(
                terms.teacherId(),
                terms.studentId(),
                OccurrencePlanner.startAt(lesson.occurrenceDate(), terms.startTime(), zone),
                terms.durationMinutes(),
                terms.price(),
                closure == null ? LessonValues.SCHEDULED : LessonValues.CLOSED,
                closure,
                terms.timezone());
        if (after.equals(lesson.values())) {
            return null;
        }
        LessonChange.Kind kind = lesson.values().isCancelled() ? LessonChange.Kind.RESTORED : LessonChange.Kind.UPDATED;
        return new LessonChange(lesson.id(), lesson.slotId(), lesson.occurrenceDate(), kind, lesson.values(), after);
    }

    /** The lesson on a date its slot no longer meets on: cancelled, unless it is already. */
    private static LessonChange cancel(OwnedLesson lesson) {
        if (lesson.values().isCancelled()) {
            return null;
        }
        return new LessonChange(
                lesson.id(),
                lesson.slotId(),
                lesson.occurrenceDate(),
                LessonChange.Kind.CANCELLED,
                lesson.values(),
                lesson.values().cancelled());
    }
}
