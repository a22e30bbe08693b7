package com.guitarstudio.lessons.lessons;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A change a run makes to a lesson it owns, from {@code before} to {@code after}. {@code slotId} and
 * {@code occurrenceDate} are the lesson's after the change: the same but for a cancelled lesson that
 * a new slot of the same student takes over.
 */
record LessonChange(
        UUID lessonId, UUID slotId, LocalDate occurrenceDate, Kind kind, LessonValues before, LessonValues after) {

    enum Kind {
        /** Moved, retimed, repriced, or closed or reopened by the calendar: still the same lesson. */
        UPDATED,
        /** Its slot no longer meets that day. */
        CANCELLED,
        /** Cancelled because its slot no longer met that day, and meets that day again. */
        RESTORED
    }

    /** What {@code lesson.cancel_reason} becomes: SLOT_CHANGED for the service's cancellations, else null. */
    String cancelReason() {
        return after.isCancelled() ? "SLOT_CHANGED" : null;
    }
}
