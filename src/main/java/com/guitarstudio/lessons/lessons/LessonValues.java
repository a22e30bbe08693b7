package com.guitarstudio.lessons.lessons;

import java.time.Instant;
import java.util.UUID;

/**
 * What a lesson row holds that its slot decides: whose it is, when it starts, how long it lasts, what
 * it costs, its status (with the closure that closed it) and the zone its local date is read in.
 *
 * @param status SCHEDULED, CLOSED (with {@code closureId}) or CANCELLED, as the service writes them
 */
record LessonValues(
        UUID teacherId,
        UUID studentId,
        Instant startAt,
        int durationMinutes,
        int price,
        String status,
        UUID closureId,
        String timezone) {

    static final String SCHEDULED = "SCHEDULED";
    static final String CLOSED = "CLOSED";
    static final String CANCELLED = "CANCELLED";

    /** These values, cancelled: the lesson keeps its time and terms, and leaves any closure. */
    LessonValues cancelled() {
        return new LessonValues(teacherId, studentId, startAt, durationMinutes, price, CANCELLED, null, timezone);
    }

    boolean isCancelled() {
        return CANCELLED.equals(status);
    }
}
