package com.guitarstudio.lessons.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One change the service made to one lesson, as the API and the webhook show it.
 *
 * @param id ascending in the order the changes were committed within a transaction; a consumer keeps
 *     the last one it handled and de-duplicates by it
 * @param kind CREATED, CLOSED (created closed, or closed by a closure), REOPENED (given back when a
 *     closure was deleted), UPDATED (moved, retimed, repriced), CANCELLED (its slot no longer meets
 *     that day), RESTORED (the slot meets that day again)
 * @param cause RUN (a run created it), RECONCILE (a run brought it in line with its slot), CLOSURE
 * @param before the lesson before the change; null when it was created
 * @param after the lesson after the change
 * @param jobLogId the run that made the change, if a run did
 * @param closureId the closure whose creation or deletion made the change, if one did
 */
record LessonEvent(
        long id,
        UUID lessonId,
        UUID teacherId,
        UUID studentId,
        String kind,
        String cause,
        State before,
        State after,
        UUID jobLogId,
        UUID closureId,
        Instant occurredAt) {

    /**
     * A lesson as an event shows it.
     *
     * @param startAt the instant it starts
     * @param timezone the zone its wall-clock time is planned in (the teacher's)
     * @param price in the studio's smallest currency unit (cents)
     * @param closureId the closure that closes it, when it is CLOSED
     */
    record State(Instant startAt, int durationMinutes, int price, String status, String timezone, UUID closureId) {}
}
