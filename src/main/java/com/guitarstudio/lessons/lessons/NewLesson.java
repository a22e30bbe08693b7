package com.guitarstudio.lessons.lessons;

import java.util.UUID;

/** A planned lesson with the closure that covers its date (null when none): a row to insert. */
record NewLesson(PlannedLesson planned, UUID closureId) {

    LessonValues values() {
        return new LessonValues(
                planned.teacherId(),
                planned.studentId(),
                planned.startAt(),
                planned.durationMinutes(),
                planned.price(),
                closureId == null ? LessonValues.SCHEDULED : LessonValues.CLOSED,
                closureId,
                planned.timezone());
    }

    OwnedLessons.Pair pair() {
        return new OwnedLessons.Pair(planned.teacherId(), planned.studentId());
    }
}
