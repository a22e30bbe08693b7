package com.guitarstudio.lessons.feeds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lessons a feed shows, read in one statement by the index of the owner's lessons by start
 * ({@code lesson_teacher_id_start_at_idx}, {@code lesson_student_id_start_at_idx}). A student's feed
 * reads the teacher's name and never another student's.
 */
@Component
class FeedLessons {

    private static final String LESSONS = """
            select l.id, l.start_at, l.duration_minutes, l.status, l.timezone, l.revision, l.created_at,
                   l.updated_at, l.cancel_reason, c.kind as closure_kind, c.reason as closure_reason,
                   u.name as other_name
            from lesson l
                     join %s p on p.id = l.%s
                     join app_user u on u.id = p.user_id
                     left join studio_closure c on c.id = l.closure_id
            where l.%s = :owner
              and l.start_at >= :from
              and l.start_at < :to
            order by l.start_at, l.id
            """;

    /** A teacher's lessons, each named by its student. */
    private static final String TEACHERS = LESSONS.formatted("student_profile", "student_id", "teacher_id");

    /** A student's lessons, each named by its teacher. */
    private static final String STUDENTS = LESSONS.formatted("teacher_profile", "teacher_id", "student_id");

    private final JdbcClient jdbc;

    FeedLessons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The owner's lessons that start in [from, to), by start. */
    List<FeedLesson> between(CalendarFeeds.Owner owner, Instant from, Instant to) {
        return jdbc.sql(owner.kind() == CalendarFeeds.OwnerKind.TEACHER ? TEACHERS : STUDENTS)
                .param("owner", owner.id())
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query((row, number) -> lesson(row))
                .list();
    }

    private static FeedLesson lesson(ResultSet row) throws SQLException {
        return new FeedLesson(
                row.getObject("id", UUID.class),
                row.getObject("start_at", OffsetDateTime.class).toInstant(),
                row.getInt("duration_minutes"),
                row.getString("timezone"),
                row.getString("status"),
                row.getInt("revision"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(),
                row.getString("cancel_reason"),
                row.getString("closure_kind"),
                row.getString("closure_reason"),
                row.getString("other_name"));
    }

    /**
     * A lesson as a feed shows it.
     *
     * @param revision how many times its time, length, zone, status or closure changed ({@code SEQUENCE})
     * @param closureKind {@code STUDIO_CLOSED} or {@code TEACHER_ABSENT} for a closed lesson whose closure
     *     still exists; null otherwise
     * @param with the other person: the student in a teacher's feed, the teacher in a student's
     */
    record FeedLesson(
            UUID id,
            Instant startAt,
            int durationMinutes,
            String timezone,
            String status,
            int revision,
            Instant createdAt,
            Instant updatedAt,
            String cancelReason,
            String closureKind,
            String closureReason,
            String with) {}
}
