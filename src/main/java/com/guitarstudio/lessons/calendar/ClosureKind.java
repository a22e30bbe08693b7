package com.guitarstudio.lessons.calendar;

/** {@code studio_closure.kind}. */
enum ClosureKind {
    /** The whole studio is closed: a holiday, the winter break. Applies to every teacher. */
    STUDIO_CLOSED,
    /** One teacher is away. */
    TEACHER_ABSENT
}
