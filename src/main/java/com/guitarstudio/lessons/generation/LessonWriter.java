package com.guitarstudio.lessons.generation;

import com.guitarstudio.lessons.calendar.Closure;
import com.guitarstudio.lessons.calendar.LessonCalendar;
import com.guitarstudio.lessons.joblog.JobLogService;
import com.guitarstudio.lessons.joblog.TeacherOutcome;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes planned lessons with one statement however many there are: the columns travel as arrays
 * and {@code unnest} turns them back into rows. {@code ON CONFLICT DO NOTHING} makes the insert
 * idempotent against both unique keys of {@code lesson}: the same pair at the same instant, and the
 * same slot on the same date (so a generated lesson that was cancelled or moved is not recreated).
 *
 * <p>Each write is one transaction that first reads the closures of its teachers, holding the
 * calendar lock shared until it commits, so a lesson on a closed date is written CLOSED with its
 * closure even when the closure is created while the run goes; the same transaction records the
 * run's rows for those teachers: it writes all of its rows or none.
 */
@Component
class LessonWriter {

    private static final String INSERT = """
            with inserted as (
              insert into lesson (teacher_id, student_id, recurring_slot_id, occurrence_date, start_at,
                                  duration_minutes, price, timezone, status, closure_id, is_recurring)
              select teacher_id, student_id, slot_id, occurrence_date, start_at, duration_minutes, price, timezone,
                     case when closure_id is null then 'SCHEDULED' else 'CLOSED' end, closure_id, true
              from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::date[], ?::timestamptz[], ?::int[], ?::int[], ?::text[],
                          ?::uuid[])
                   as planned(teacher_id, student_id, slot_id, occurrence_date, start_at, duration_minutes, price,
                              timezone, closure_id)
              on conflict do nothing
              returning teacher_id, closure_id)
            select teacher_id, count(*) as lessons, count(closure_id) as closed from inserted group by teacher_id
            """;

    /**
     * What {@link #INSERT} would insert, read without writing: the planned rows that no lesson holds
     * yet under either unique key, the same pair at the same instant counted once.
     */
    private static final String WOULD_INSERT = """
            select teacher_id, count(*) as lessons, count(closure_id) as closed
            from (select distinct on (teacher_id, student_id, start_at) teacher_id, closure_id
                  from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::date[], ?::timestamptz[], ?::int[], ?::int[], ?::text[],
                              ?::uuid[])
                       as planned(teacher_id, student_id, slot_id, occurrence_date, start_at, duration_minutes, price,
                                  timezone, closure_id)
                  where not exists (select 1 from lesson l where l.teacher_id = planned.teacher_id
                                      and l.student_id = planned.student_id and l.start_at = planned.start_at)
                    and not exists (select 1 from lesson l where l.recurring_slot_id = planned.slot_id
                                      and l.occurrence_date = planned.occurrence_date)) new
            group by teacher_id
            """;

    private static final Logger log = LoggerFactory.getLogger(LessonWriter.class);

    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactions;
    private final LessonCalendar calendar;
    private final JobLogService jobLog;

    LessonWriter(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            LessonCalendar calendar,
            JobLogService jobLog) {
        this.jdbc = jdbc;
        this.transactions = transactionManager;
        this.calendar = calendar;
        this.jobLog = jobLog;
    }

    /** Rows a write inserted: {@code lessons} in all, {@code closed} of them CLOSED. */
    record Inserted(int lessons, int closed) {

        static final Inserted NOTHING = new Inserted(0, 0);

        Inserted plus(Inserted other) {
            return new Inserted(lessons + other.lessons, closed + other.closed);
        }
    }

    /**
     * In one transaction: inserts the lessons that do not exist yet, CLOSED where a closure covers
     * their date, and records what that did for each of {@code teachers} in run {@code jobLogId}'s
     * teacher rows (the lessons of a teacher not among them are not counted there). All of it is
     * written, or none.
     */
    Inserted insert(UUID jobLogId, List<PlannedLesson> lessons, List<TeacherOutcome> teachers) {
        if (lessons.isEmpty() && teachers.isEmpty()) {
            return Inserted.NOTHING;
        }
        TransactionStatus transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
        Inserted inserted = Inserted.NOTHING;
        try {
            Map<UUID, Inserted> perTeacher = lessons.isEmpty() ? Map.of() : run(INSERT, lessons);
            jobLog.recordTeachers(
                    jobLogId,
                    teachers.stream()
                            .map(teacher -> {
                                Inserted theirs = perTeacher.getOrDefault(teacher.teacherId(), Inserted.NOTHING);
                                return teacher.written(theirs.lessons(), theirs.closed());
                            })
                            .toList());
            for (Inserted theirs : perTeacher.values()) {
                inserted = inserted.plus(theirs);
            }
        } catch (RuntimeException e) {
            // When the connection broke, rolling back fails too: keep why the write failed (the
            // database is unavailable, say), which decides what the run does next.
            try {
                transactions.rollback(transaction);
            } catch (RuntimeException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        }
        transactions.commit(transaction);
        return inserted;
    }

    /**
     * What {@link #insert} would insert now for each teacher, written nowhere: a read-only
     * transaction that holds the calendar lock (shared) only while it reads.
     */
    Map<UUID, Inserted> wouldInsert(List<PlannedLesson> lessons) {
        if (lessons.isEmpty()) {
            return Map.of();
        }
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        return readOnly.execute(transaction -> run(WOULD_INSERT, lessons));
    }

    /** Runs {@code sql} on the planned rows, each with the closure that covers its date (if any). */
    private Map<UUID, Inserted> run(String sql, List<PlannedLesson> lessons) {
        Set<UUID> teachers = new HashSet<>();
        LocalDate first = LocalDate.MAX;
        LocalDate last = LocalDate.MIN;
        for (PlannedLesson lesson : lessons) {
            teachers.add(lesson.teacherId());
            first = lesson.occurrenceDate().isBefore(first) ? lesson.occurrenceDate() : first;
            last = lesson.occurrenceDate().isAfter(last) ? lesson.occurrenceDate() : last;
        }
        List<Closure> closures = calendar.closuresForWriting(teachers, first, last);
        List<UUID> closureIds = lessons.stream()
                .map(lesson -> OccurrencePlanner.closureOn(lesson.teacherId(), lesson.occurrenceDate(), closures))
                .toList();
        return jdbc.execute(
                (Connection connection) -> {
                    PreparedStatement statement = connection.prepareStatement(sql);
                    statement.setArray(1, array(connection, "uuid", lessons, PlannedLesson::teacherId));
                    statement.setArray(2, array(connection, "uuid", lessons, PlannedLesson::studentId));
                    statement.setArray(3, array(connection, "uuid", lessons, PlannedLesson::slotId));
                    statement.setArray(4, array(connection, "date", lessons, PlannedLesson::occurrenceDate));
                    statement.setArray(5, array(connection, "timestamptz", lessons, PlannedLesson::startAt));
                    statement.setArray(6, array(connection, "int4", lessons, PlannedLesson::durationMinutes));
                    statement.setArray(7, array(connection, "int4", lessons, PlannedLesson::price));
                    statement.setArray(8, array(connection, "text", lessons, PlannedLesson::timezone));
                    statement.setArray(9, array(connection, "uuid", closureIds, id -> id));
                    return statement;
                },
                (PreparedStatement statement) -> {
                    Map<UUID, Inserted> counts = new HashMap<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            counts.put(
                                    rows.getObject("teacher_id", UUID.class),
                                    new Inserted(rows.getInt("lessons"), rows.getInt("closed")));
                        }
                    }
                    return counts;
                });
    }

    /**
     * Vacuums and analyses {@code lesson} after a run inserted rows. Only the pages the run wrote
     * are visited (the visibility map skips the rest), and afterwards the admin page's counts of
     * scheduled lessons are index-only scans again. Autovacuum would get there too, but only once
     * inserts reach 20% of the table, which a daily run adding one week of twelve never does. A
     * database user that may not vacuum the table (it is not its owner, say) only loses this.
     */
    void vacuum() {
        try {
            jdbc.execute("vacuum (analyze) lesson");
        } catch (DataAccessException e) {
            log.warn("Could not vacuum the lesson table after generating lessons: {}", e.getMessage());
        }
    }

    /**
     * Every value goes as its text form (ISO-8601 for dates and instants), which PostgreSQL parses
     * exactly; no JVM time zone is involved.
     */
    private static <T> Array array(Connection connection, String type, List<T> rows, Function<T, Object> column)
            throws SQLException {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = column.apply(rows.get(i));
            values[i] = value == null ? null : value.toString();
        }
        return connection.createArrayOf(type, values);
    }
}
