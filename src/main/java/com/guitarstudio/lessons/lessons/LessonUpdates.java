package com.guitarstudio.lessons.lessons;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Changes lessons the service owns, with one statement however many: the changes travel as arrays and
 * {@code unnest} turns them back into rows. Each change is made only while its lesson is still as the
 * run read it and still the service's (a person's edit that commits first wins, also during the
 * statement: PostgreSQL checks the row again once the edit commits), and only where it breaks no
 * unique key: a lesson does not move onto an instant its student already has a lesson at. What the
 * statement changes it also records as written, so the lesson stays the service's.
 */
@Component
class LessonUpdates {

    private static final String CHANGES = """
            unnest(cast(:ids as uuid[]), cast(:slots as uuid[]), cast(:dates as date[]), cast(:teachers as uuid[]),
                   cast(:students as uuid[]), cast(:starts as timestamptz[]), cast(:durations as int[]),
                   cast(:prices as int[]), cast(:statuses as text[]), cast(:closures as uuid[]),
                   cast(:zones as text[]), cast(:reasons as text[]), cast(:wasStarts as timestamptz[]),
                   cast(:wasDurations as int[]), cast(:wasPrices as int[]), cast(:wasStatuses as text[]))
              as c(id, slot_id, occurrence_date, teacher_id, student_id, start_at, duration_minutes, price, status,
                   closure_id, timezone, cancel_reason, was_start_at, was_duration_minutes, was_price, was_status)
            """;

    /** Lesson {@code l} is still the service's and as the run read it ({@code c.was_*}). */
    private static final String AS_READ = OwnedLessons.OWNED + """
             and (l.start_at, l.duration_minutes, l.price, l.status)
                 = (c.was_start_at, c.was_duration_minutes, c.was_price, c.was_status)
            """;

    /** {@link #AS_READ}, and the change breaks neither unique key of {@code lesson}. */
    private static final String APPLICABLE = AS_READ + """
             and (c.status = 'CANCELLED'
                  or not exists (select 1 from lesson o where o.teacher_id = c.teacher_id and o.student_id = c.student_id
                                   and o.start_at = c.start_at and o.id <> l.id))
             and not exists (select 1 from lesson o where o.recurring_slot_id = c.slot_id
                               and o.occurrence_date = c.occurrence_date and o.id <> l.id)
            """;

    private static final String APPLY = "update lesson l set recurring_slot_id = c.slot_id,"
            + " occurrence_date = c.occurrence_date, teacher_id = c.teacher_id, student_id = c.student_id,"
            + " start_at = c.start_at, duration_minutes = c.duration_minutes, price = c.price, status = c.status,"
            + " closure_id = c.closure_id, timezone = c.timezone, cancel_reason = c.cancel_reason,"
            + " written_start_at = c.start_at, written_duration_minutes = c.duration_minutes,"
            + " written_price = c.price, written_status = c.status"
            + " from " + CHANGES + " where l.id = c.id and " + APPLICABLE + " returning l.id";

    private static final String WOULD_APPLY =
            "select c.id from " + CHANGES + " join lesson l on l.id = c.id where " + APPLICABLE;

    private static final String STILL_AS_READ =
            "select c.id from " + CHANGES + " join lesson l on l.id = c.id where " + AS_READ;

    private final JdbcClient jdbc;

    LessonUpdates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes the changes that still apply; returns the lessons changed. */
    Set<UUID> apply(Collection<LessonChange> changes) {
        return ids(APPLY, changes);
    }

    /** The lessons {@link #apply} would change now, changing nothing. */
    Set<UUID> wouldApply(Collection<LessonChange> changes) {
        return ids(WOULD_APPLY, changes);
    }

    /**
     * Of changes {@link #apply} did not make, the lessons still as the run read them: the change would
     * have broken a unique key (the student has another lesson at the new instant). The others were
     * changed by a person meanwhile.
     */
    Set<UUID> stillAsRead(Collection<LessonChange> changes) {
        return ids(STILL_AS_READ, changes);
    }

    private Set<UUID> ids(String sql, Collection<LessonChange> changes) {
        if (changes.isEmpty()) {
            return Set.of();
        }
        List<LessonChange> rows = List.copyOf(changes);
        return new HashSet<>(jdbc.sql(sql)
                .params(parameters(rows))
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list());
    }

    private static Map<String, Object> parameters(List<LessonChange> rows) {
        return Map.ofEntries(
                Map.entry("ids", SqlArrays.column(rows, LessonChange::lessonId)),
                Map.entry("slots", SqlArrays.column(rows, LessonChange::slotId)),
                Map.entry("dates", SqlArrays.column(rows, LessonChange::occurrenceDate)),
                Map.entry(
                        "teachers",
                        SqlArrays.column(rows, change -> change.after().teacherId())),
                Map.entry(
                        "students",
                        SqlArrays.column(rows, change -> change.after().studentId())),
                Map.entry(
                        "starts",
                        SqlArrays.column(rows, change -> change.after().startAt())),
                Map.entry(
                        "durations",
                        SqlArrays.ints(rows, change -> change.after().durationMinutes())),
                Map.entry(
                        "prices", SqlArrays.ints(rows, change -> change.after().price())),
                Map.entry(
                        "statuses",
                        SqlArrays.column(rows, change -> change.after().status())),
                Map.entry(
                        "closures",
                        SqlArrays.column(rows, change -> change.after().closureId())),
                Map.entry(
                        "zones", SqlArrays.column(rows, change -> change.after().timezone())),
                Map.entry("reasons", SqlArrays.column(rows, LessonChange::cancelReason)),
                Map.entry(
                        "wasStarts",
                        SqlArrays.column(rows, change -> change.before().startAt())),
                Map.entry(
                        "wasDurations",
                        SqlArrays.ints(rows, change -> change.before().durationMinutes())),
                Map.entry(
                        "wasPrices",
                        SqlArrays.ints(rows, change -> change.before().price())),
                Map.entry(
                        "wasStatuses",
                        SqlArrays.column(rows, change -> change.before().status())));
    }
}
