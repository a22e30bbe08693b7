package com.guitarstudio.lessons.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the {@code lesson_event} outbox in id order, and deletes what is past retention. */
@Component
class LessonEventLog {

    private static final String STATE = """
            (%1$s->>'start_at')::timestamptz as %1$s_start_at, (%1$s->>'duration_minutes')::int as %1$s_duration,
            (%1$s->>'price')::int as %1$s_price, %1$s->>'status' as %1$s_status, %1$s->>'timezone' as %1$s_timezone,
            (%1$s->>'closure_id')::uuid as %1$s_closure_id""";

    private static final String PAGE = """
            select id, lesson_id, teacher_id, student_id, kind, cause, job_log_id, closure_id, occurred_at,
                   %s,
                   %s
            from lesson_event
            where id > :after
              and (cast(:teacher as uuid) is null or teacher_id = :teacher)
              and (cast(:student as uuid) is null or student_id = :student)
            order by id
            limit :limit
            """.formatted(STATE.formatted("before"), STATE.formatted("after"));

    private final JdbcClient jdbc;

    LessonEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} events after id {@code after}, in id order, of one teacher or student if given. */
    List<LessonEvent> after(long after, int limit, UUID teacherId, UUID studentId) {
        return jdbc.sql(PAGE)
                .param("after", after)
                .param("limit", limit)
                .param("teacher", teacherId)
                .param("student", studentId)
                .query((row, number) -> event(row))
                .list();
    }

    /** The latest event's id; 0 when there is none. */
    long lastId() {
        return jdbc.sql("select coalesce(max(id), 0) from lesson_event")
                .query(Long.class)
                .single();
    }

    /**
     * Deletes the events older than {@code days} (and, when {@code deliveredOnly}, that the webhook has
     * acknowledged); returns how many. Age is measured by the database's clock, which stamped them
     * ({@code occurred_at} is the writing transaction's {@code now()}).
     */
    int deleteOlderThan(int days, boolean deliveredOnly) {
        return jdbc.sql("""
                        delete from lesson_event
                        where occurred_at < now() - make_interval(days => :days)
                          and (not :deliveredOnly
                               or id <= (select last_delivered_id from lesson_event_delivery where name = 'webhook'))
                        """)
                .param("days", days)
                .param("deliveredOnly", deliveredOnly)
                .update();
    }

    /** Whether events older than {@code days} wait for the webhook (retention cannot delete them yet). */
    boolean undeliveredOlderThan(int days) {
        return jdbc.sql("""
                        select exists (select 1 from lesson_event
                                       where occurred_at < now() - make_interval(days => :days)
                                         and id > (select last_delivered_id from lesson_event_delivery
                                                   where name = 'webhook'))
                        """).param("days", days).query(Boolean.class).single();
    }

    private static LessonEvent event(ResultSet row) throws SQLException {
        return new LessonEvent(
                row.getLong("id"),
                row.getObject("lesson_id", UUID.class),
                row.getObject("teacher_id", UUID.class),
                row.getObject("student_id", UUID.class),
                row.getString("kind"),
                row.getString("cause"),
                state(row, "before"),
                state(row, "after"),
                row.getObject("job_log_id", UUID.class),
                row.getObject("closure_id", UUID.class),
                row.getTimestamp("occurred_at").toInstant());
    }

    private static LessonEvent.State state(ResultSet row, String which) throws SQLException {
        Timestamp startAt = row.getTimestamp(which + "_start_at");
        if (startAt == null) {
            return null;
        }
        return new LessonEvent.State(
                startAt.toInstant(),
                row.getInt(which + "_duration"),
                row.getInt(which + "_price"),
                row.getString(which + "_status"),
                row.getString(which + "_timezone"),
                row.getObject(which + "_closure_id", UUID.class));
    }
}
