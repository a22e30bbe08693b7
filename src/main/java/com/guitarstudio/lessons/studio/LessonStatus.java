package com.guitarstudio.lessons.studio;

/** {@code lesson.status}. */
public enum LessonStatus {
    SCHEDULED,
    COMPLETED,
    CANCELLED,
    MISSED,
    NO_SHOW
}
