package com.guitarstudio.lessons.lessons;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which lessons are still the service's: the rule of ownership, stated once, and the reads that use it.
 * A lesson is owned while its {@code start_at}, {@code duration_minutes}, {@code price} and {@code
 * status} equal what the service last wrote into it ({@code written_*}, set by every write of the
 * service and by nothing else), and, when cancelled, it was cancelled by the service ({@code
 * cancel_reason = 'SLOT_CHANGED'}). A person who moves, retimes, reprices, cancels, completes, marks
 * missed or reopens a lesson makes them differ, and the service never changes it again.
 */
@Component
class OwnedLessons {

    /** Lesson {@code l} is still exactly as the service last wrote it. */
    static final String OWNED = """
            (l.written_status is not null and l.start_at = l.written_start_at
             and l.duration_minutes = l.written_duration_minutes and l.price = l.written_price
             and l.status = l.written_status
             and (l.status <> 'CANCELLED' or l.cancel_reason is not distinct from 'SLOT_CHANGED'))
            """;

    private static final String OF_SLOTS = """
            select l.id, l.recurring_slot_id, l.occurrence_date, l.teacher_id, l.student_id, l.start_at,
                   l.duration_minutes, l.price, l.status, l.closure_id, l.timezone
            from lesson l
            where l.recurring_slot_id = any(cast(:slots as uuid[])) and l.occurrence_date >= :from
              and l.start_at >= :now and
            """ + OWNED + """
            order by l.recurring_slot_id, l.occurrence_date
            """;

    private static final String PAIRS_WITH_CANCELLED = """
            select distinct teacher_id, student_id from lesson
            where cancel_reason = 'SLOT_CHANGED' and teacher_id = any(cast(:teachers as uuid[])) and start_at >= :now
            """;

    private final JdbcClient jdbc;

    OwnedLessons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The owned lessons of these slots that start at or after {@code now}, by slot and date. */
    List<OwnedLesson> ofSlots(Collection<UUID> slots, Instant now) {
        if (slots.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(OF_SLOTS)
                .param("slots", slots.stream().map(UUID::toString).toArray(String[]::new))
                // a lesson's local date is at most a day before its UTC date, in any zone
                .param("from", LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(2))
                .param("now", Timestamp.from(now))
                .query(OwnedLessons::owned)
                .list();
    }

    /**
     * The pairs of these teachers (teacher, student) that have a lesson the service cancelled because
     * its slot changed, still to come: a new slot of the pair at that instant takes it over.
     */
    Set<Pair> pairsWithCancelledLessons(Collection<UUID> teachers, Instant now) {
        if (teachers.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql(PAIRS_WITH_CANCELLED)
                .param("teachers", teachers.stream().map(UUID::toString).toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .query((rs, n) ->
                        new Pair(rs.getObject("teacher_id", UUID.class), rs.getObject("student_id", UUID.class)))
                .list());
    }

    /** A teacher and a student: never two lessons of theirs at the same instant. */
    record Pair(UUID teacherId, UUID studentId) {}

    static OwnedLesson owned(ResultSet rs, int number) throws SQLException {
        return new OwnedLesson(
                rs.getObject("id", UUID.class),
                rs.getObject("recurring_slot_id", UUID.class),
                rs.getObject("occurrence_date", LocalDate.class),
                values(rs));
    }

    /** The lesson columns of {@link LessonValues}, as a query names them. */
    static LessonValues values(ResultSet rs) throws SQLException {
        return new LessonValues(
                rs.getObject("teacher_id", UUID.class),
                rs.getObject("student_id", UUID.class),
                rs.getObject("start_at", OffsetDateTime.class).toInstant(),
                rs.getInt("duration_minutes"),
                rs.getInt("price"),
                rs.getString("status"),
                rs.getObject("closure_id", UUID.class),
                rs.getString("timezone"));
    }
}
