package com.guitarstudio.lessons.generation;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes planned lessons with one statement however many there are: the columns travel as arrays
 * and {@code unnest} turns them back into rows. {@code ON CONFLICT DO NOTHING} makes the insert
 * idempotent against both unique keys of {@code lesson}: the same pair at the same instant, and the
 * same slot on the same date (so a generated lesson that was cancelled or moved is not recreated).
 * The statement is its own transaction: it writes all of its rows or none.
 */
@Component
class LessonWriter {

    private static final String INSERT = """
            insert into lesson (teacher_id, student_id, recurring_slot_id, occurrence_date, start_at,
                                duration_minutes, price, timezone, status, is_recurring)
            select teacher_id, student_id, slot_id, occurrence_date, start_at,
                   duration_minutes, price, timezone, 'SCHEDULED', true
            from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::date[], ?::timestamptz[], ?::int[], ?::int[], ?::text[])
                 as planned(teacher_id, student_id, slot_id, occurrence_date, start_at, duration_minutes, price, timezone)
            on conflict do nothing
            """;

    private static final Logger log = LoggerFactory.getLogger(LessonWriter.class);

    private final JdbcTemplate jdbc;

    LessonWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the lessons that do not exist yet; returns how many rows were inserted. */
    int insert(List<PlannedLesson> lessons) {
        if (lessons.isEmpty()) {
            return 0;
        }
        Integer inserted = jdbc.execute(
                (Connection connection) -> {
                    PreparedStatement statement = connection.prepareStatement(INSERT);
                    statement.setArray(1, array(connection, "uuid", lessons, PlannedLesson::teacherId));
                    statement.setArray(2, array(connection, "uuid", lessons, PlannedLesson::studentId));
                    statement.setArray(3, array(connection, "uuid", lessons, PlannedLesson::slotId));
                    statement.setArray(4, array(connection, "date", lessons, PlannedLesson::occurrenceDate));
                    statement.setArray(5, array(connection, "timestamptz", lessons, PlannedLesson::startAt));
                    statement.setArray(6, array(connection, "int4", lessons, PlannedLesson::durationMinutes));
                    statement.setArray(7, array(connection, "int4", lessons, PlannedLesson::price));
                    statement.setArray(8, array(connection, "text", lessons, PlannedLesson::timezone));
                    return statement;
                },
                PreparedStatement::executeUpdate);
        return inserted == null ? 0 : inserted;
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
    private static Array array(
            Connection connection, String type, List<PlannedLesson> lessons, Function<PlannedLesson, Object> column)
            throws SQLException {
        String[] values = new String[lessons.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(lessons.get(i)).toString();
        }
        return connection.createArrayOf(type, values);
    }
}
