package com.guitarstudio.lessons.lessons;

import com.guitarstudio.lessons.studio.TimeZones;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lessons of one teacher or one student, a week at a time (Monday to Sunday in the teacher's
 * zone), or those a closure holds: what a studio admin looks at to see what a run or a closure did.
 * Each lesson says how it came to be as it is: generated and unchanged, changed by a person, cancelled
 * because its slot changed, held by the notice period, closed by a closure (with its reason).
 */
@Service
public class LessonWeeks {

    /** How many lessons of a closure the page lists. */
    public static final int CLOSURE_LESSONS = 200;

    private static final String COLUMNS = """
            select l.id, l.start_at, l.duration_minutes, l.price, l.status, l.timezone, l.recurring_slot_id,
                   l.cancel_reason, c.reason as closure_reason, tu.name as teacher_name, su.name as student_name,
                   (l.written_status is not null and not %s) as changed_by_person,
                   exists (select 1 from planned_slot p where p.slot_id = l.recurring_slot_id
                             and l.id = any(p.held_lessons)) as held
            from lesson l
            join teacher_profile t on t.id = l.teacher_id join app_user tu on tu.id = t.user_id
            join student_profile s on s.id = l.student_id join app_user su on su.id = s.user_id
            left join studio_closure c on c.id = l.closure_id
            """.formatted(OwnedLessons.OWNED);

    private final JdbcClient jdbc;

    LessonWeeks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whose lessons a page shows: a teacher, a student (in their teacher's zone) or a closure. */
    public enum Of {
        TEACHER,
        STUDENT,
        CLOSURE
    }

    /**
     * A lesson as the page shows it.
     *
     * @param local its start in its own zone
     * @param closureReason why it is closed, when a closure holds it
     * @param cancelledBySlotChange the service cancelled it because its slot no longer meets that day
     * @param changedByPerson a person changed it after the service wrote it: the service leaves it alone
     * @param held its slot changed, but it starts too soon to change automatically
     * @param oneOff not generated from a slot
     */
    public record Lesson(
            UUID id,
            Instant startAt,
            LocalDateTime local,
            String timezone,
            int durationMinutes,
            int price,
            String status,
            String teacherName,
            String studentName,
            String closureReason,
            boolean cancelledBySlotChange,
            boolean changedByPerson,
            boolean held,
            boolean oneOff) {}

    /**
     * A week of someone's lessons: who ({@code name}), in which zone ({@code timezone}), from {@code
     * monday} through the Sunday after.
     */
    public record Week(String name, String timezone, LocalDate monday, List<Lesson> lessons) {

        public LocalDate sunday() {
            return monday.plusDays(6);
        }
    }

    /**
     * The week that contains {@code day} of a teacher's or a student's lessons; empty when there is no
     * such teacher or student.
     */
    @Transactional(readOnly = true)
    public Optional<Week> week(Of of, UUID id, LocalDate day) {
        Optional<Whose> whose = whose(of, id);
        if (whose.isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = TimeZones.parse(whose.get().timezone()).orElse(ZoneOffset.UTC);
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant from = monday.atStartOfDay(zone).toInstant();
        Instant to = monday.plusWeeks(1).atStartOfDay(zone).toInstant();
        List<Lesson> lessons = jdbc.sql(COLUMNS + " where l." + (of == Of.TEACHER ? "teacher_id" : "student_id")
                        + " = :id and l.start_at >= :from and l.start_at < :to order by l.start_at, su.name, l.id")
                .param("id", id)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> lesson(rs))
                .list();
        return Optional.of(new Week(whose.get().name(), whose.get().timezone(), monday, lessons));
    }

    /** The lessons a closure holds now, the first {@value #CLOSURE_LESSONS} by time. */
    @Transactional(readOnly = true)
    public List<Lesson> ofClosure(UUID closure) {
        return jdbc.sql(COLUMNS + " where l.closure_id = :closure order by l.start_at, tu.name, l.id limit :limit")
                .param("closure", closure)
                .param("limit", CLOSURE_LESSONS)
                .query((rs, n) -> lesson(rs))
                .list();
    }

    /** The teachers whose lessons a page can show, by name. */
    @Transactional(readOnly = true)
    public List<Person> teachers() {
        return jdbc.sql("""
                        select t.id, u.name from teacher_profile t join app_user u on u.id = t.user_id
                        order by lower(u.name), t.id
                        """)
                .query((rs, n) -> new Person(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
    }

    public record Person(UUID id, String name) {}

    private record Whose(String name, String timezone) {}

    private Optional<Whose> whose(Of of, UUID id) {
        String sql = of == Of.TEACHER
                ? "select u.name, t.timezone from teacher_profile t join app_user u on u.id = t.user_id where t.id = ?"
                : """
                        select u.name, t.timezone from student_profile s join app_user u on u.id = s.user_id
                        join teacher_profile t on t.id = s.teacher_id where s.id = ?
                        """;
        return jdbc.sql(sql)
                .param(id)
                .query((rs, n) -> new Whose(rs.getString("name"), rs.getString("timezone")))
                .optional();
    }

    private static Lesson lesson(ResultSet rs) throws SQLException {
        Instant startAt = rs.getObject("start_at", OffsetDateTime.class).toInstant();
        String timezone = rs.getString("timezone");
        return new Lesson(
                rs.getObject("id", UUID.class),
                startAt,
                TimeZones.parse(timezone)
                        .map(zone -> LocalDateTime.ofInstant(startAt, zone))
                        .orElse(LocalDateTime.ofInstant(startAt, ZoneOffset.UTC)),
                timezone,
                rs.getInt("duration_minutes"),
                rs.getInt("price"),
                rs.getString("status"),
                rs.getString("teacher_name"),
                rs.getString("student_name"),
                rs.getString("closure_reason"),
                "SLOT_CHANGED".equals(rs.getString("cancel_reason")),
                rs.getBoolean("changed_by_person"),
                rs.getBoolean("held"),
                rs.getObject("recurring_slot_id") == null);
    }
}
