package com.guitarstudio.lessons.lessons;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/**
 * Dates on which lessons do not take place: {@code startsOn} through {@code endsOn} (inclusive),
 * local dates of the teachers it applies to — every teacher when {@code teacherId} is null.
 */
public record Closure(UUID id, UUID teacherId, LocalDate startsOn, LocalDate endsOn) {

    /**
     * Which closure a lesson belongs to when several cover its date: the one that starts first, then
     * the smaller id. The id compares as text, which is how PostgreSQL orders uuids, so SQL that
     * says {@code order by starts_on, id} picks the same one.
     */
    public static final Comparator<Closure> PRECEDENCE = Comparator.comparing(Closure::startsOn)
            .thenComparing(closure -> closure.id().toString());

    public boolean appliesTo(UUID teacher) {
        return teacherId == null || teacherId.equals(teacher);
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }
}
