package com.guitarstudio.lessons.lessons;

/**
 * What a write did to lessons, or a preview says it would do.
 *
 * @param generated lessons inserted
 * @param closed of those, lessons inserted as CLOSED (a closure covers their date)
 * @param updated lessons the service owns that took their slot's new terms in place (moved, retimed,
 *     repriced, closed or reopened), restored after a cancellation, or taken over by a new slot
 * @param cancelled lessons the service owns whose slot no longer meets that day
 * @param held lessons that differ from their slot but were left as they were: they start within the
 *     notice period
 */
public record LessonCounts(int generated, int closed, int updated, int cancelled, int held) {

    public static final LessonCounts NONE = new LessonCounts(0, 0, 0, 0, 0);

    static LessonCounts inserted(int lessons, int closed) {
        return new LessonCounts(lessons, closed, 0, 0, 0);
    }

    public LessonCounts plus(LessonCounts other) {
        return new LessonCounts(
                generated + other.generated,
                closed + other.closed,
                updated + other.updated,
                cancelled + other.cancelled,
                held + other.held);
    }
}
