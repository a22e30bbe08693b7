package com.guitarstudio.lessons.studio;

/** {@code lesson.status}. */
public enum LessonStatus {
    SCHEDULED,
    COMPLETED,
    CANCELLED,
    MISSED,
    NO_SHOW,
    /** On a date a closure covers; {@code lesson.closure_id} says which. */
    CLOSED
}
