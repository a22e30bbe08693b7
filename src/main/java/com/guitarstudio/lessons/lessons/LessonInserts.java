package com.guitarstudio.lessons.lessons;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Inserts planned lessons with one statement however many there are: the columns travel as arrays
 * and {@code unnest} turns them back into rows. {@code ON CONFLICT DO NOTHING} makes the insert
 * idempotent against both unique keys of {@code lesson}: the same pair at the same instant, and the
 * same slot on the same date (so a generated lesson that was cancelled or moved is not recreated).
 * What it inserts it records as written: the lessons are the service's until a person changes them.
 */
@Component
class LessonInserts {

    private static final String UNNEST = """
            unnest(cast(:teachers as uuid[]), cast(:students as uuid[]), cast(:slots as uuid[]), cast(:dates as date[]),
                   cast(:starts as timestamptz[]), cast(:durations as int[]), cast(:prices as int[]),
                   cast(:zones as text[]), cast(:closures as uuid[]))""";

    private static final String COLUMNS =
            "teacher_id, student_id, slot_id, occurrence_date, start_at, duration_minutes, price, timezone, closure_id";

    /** The planned rows as a table {@code planned}. */
    private static final String PLANNED = UNNEST + " as planned(" + COLUMNS + ")";

    private static final String INSERT = """
            with inserted as (
              insert into lesson (teacher_id, student_id, recurring_slot_id, occurrence_date, start_at,
                                  duration_minutes, price, timezone, status, closure_id, is_recurring,
                                  written_start_at, written_duration_minutes, written_price, written_status)
              select teacher_id, student_id, slot_id, occurrence_date, start_at, duration_minutes, price, timezone,
                     status, closure_id, true, start_at, duration_minutes, price, status
              from (select planned.*, case when closure_id is null then 'SCHEDULED' else 'CLOSED' end as status
                    from %s) planned
              on conflict do nothing
              returning teacher_id, closure_id)
            select teacher_id, count(*) as lessons, count(closure_id) as closed from inserted group by teacher_id
            """.formatted(PLANNED);

    /**
     * What {@link #INSERT} would insert, read without writing: the planned rows that no lesson holds
     * yet under either unique key, the same pair at the same instant counted once.
     */
    private static final String WOULD_INSERT = """
            select teacher_id, count(*) as lessons, count(closure_id) as closed
            from (select distinct on (teacher_id, student_id, start_at) teacher_id, closure_id
                  from %s
                  where not exists (select 1 from lesson l where l.teacher_id = planned.teacher_id
                                      and l.student_id = planned.student_id and l.start_at = planned.start_at)
                    and not exists (select 1 from lesson l where l.recurring_slot_id = planned.slot_id
                                      and l.occurrence_date = planned.occurrence_date)) new
            group by teacher_id
            """.formatted(PLANNED);

    /**
     * For each planned row, in order: whether its slot has a lesson on its date already, and the
     * lesson its pair has at its instant (if any), with whether that one is the service's.
     */
    private static final String OCCUPANTS = """
            select exists (select 1 from lesson x where x.recurring_slot_id = planned.slot_id
                             and x.occurrence_date = planned.occurrence_date) as dated,
                   l.id, l.recurring_slot_id, l.occurrence_date, l.teacher_id, l.student_id, l.start_at,
                   l.duration_minutes, l.price, l.status, l.closure_id, l.timezone, l.cancel_reason,
                   coalesce(%s, false) as owned
            from %s with ordinality as planned(%s, ordinality)
            left join lesson l on l.teacher_id = planned.teacher_id and l.student_id = planned.student_id
                              and l.start_at = planned.start_at
            order by planned.ordinality
            """.formatted(OwnedLessons.OWNED, UNNEST, COLUMNS);

    private final JdbcClient jdbc;

    LessonInserts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the lessons no lesson holds yet; returns what it inserted, per teacher. */
    Map<UUID, LessonCounts> insert(List<NewLesson> lessons) {
        return counts(INSERT, lessons);
    }

    /** What {@link #insert} would insert now, per teacher, writing nothing. */
    Map<UUID, LessonCounts> wouldInsert(List<NewLesson> lessons) {
        return counts(WOULD_INSERT, lessons);
    }

    /** A lesson already at a planned row's instant, or where its slot and date are taken. */
    record Occupant(boolean dated, OwnedLesson lesson, String cancelReason, boolean owned) {

        /** A lesson the service cancelled because its slot changed: a new slot of the pair may take it over. */
        boolean cancelledBySlotChange() {
            return lesson != null && owned && lesson.values().isCancelled() && "SLOT_CHANGED".equals(cancelReason);
        }
    }

    /** For each of {@code lessons}, in order, what already holds its slot and date or its instant. */
    List<Occupant> occupants(List<NewLesson> lessons) {
        if (lessons.isEmpty()) {
            return List.of();
        }
        return new ArrayList<>(jdbc.sql(OCCUPANTS)
                .params(parameters(lessons))
                .query(LessonInserts::occupant)
                .list());
    }

    private static Occupant occupant(ResultSet rs, int number) throws SQLException {
        boolean dated = rs.getBoolean("dated");
        if (rs.getObject("id") == null) {
            return new Occupant(dated, null, null, false);
        }
        return new Occupant(
                dated, OwnedLessons.owned(rs, number), rs.getString("cancel_reason"), rs.getBoolean("owned"));
    }

    private Map<UUID, LessonCounts> counts(String sql, List<NewLesson> lessons) {
        if (lessons.isEmpty()) {
            return Map.of();
        }
        Map<UUID, LessonCounts> counts = new HashMap<>();
        jdbc.sql(sql).params(parameters(lessons)).query(rs -> {
            counts.put(
                    rs.getObject("teacher_id", UUID.class),
                    LessonCounts.inserted(rs.getInt("lessons"), rs.getInt("closed")));
        });
        return counts;
    }

    private static Map<String, Object> parameters(List<NewLesson> lessons) {
        return Map.of(
                "teachers", SqlArrays.column(lessons, lesson -> lesson.planned().teacherId()),
                "students", SqlArrays.column(lessons, lesson -> lesson.planned().studentId()),
                "slots", SqlArrays.column(lessons, lesson -> lesson.planned().slotId()),
                "dates", SqlArrays.column(lessons, lesson -> lesson.planned().occurrenceDate()),
                "starts", SqlArrays.column(lessons, lesson -> lesson.planned().startAt()),
                "durations", SqlArrays.ints(lessons, lesson -> lesson.planned().durationMinutes()),
                "prices", SqlArrays.ints(lessons, lesson -> lesson.planned().price()),
                "zones", SqlArrays.column(lessons, lesson -> lesson.planned().timezone()),
                "closures", SqlArrays.column(lessons, NewLesson::closureId));
    }
}
