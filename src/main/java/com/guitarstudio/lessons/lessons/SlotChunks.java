package com.guitarstudio.lessons.lessons;

import com.guitarstudio.lessons.studio.DayOfWeekColumn;
import com.guitarstudio.lessons.studio.EligibleSlots;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The teachers a run visits, a chunk at a time in id order (a keyset walk, so memory stays flat
 * whatever the studio's size): those with a slot that gets lessons ({@link
 * EligibleSlots#ELIGIBLE}), and those with a slot that stopped getting them since its
 * lessons were last brought in line (its lessons are to be cancelled). Each chunk is one query that
 * brings every such slot with its terms, the latest occurrence date of its lessons (one index probe)
 * and its {@code planned_slot} row (one key probe).
 */
@Component
class SlotChunks {

    /** Teacher {@code t} has a slot whose lessons were planned while it got lessons. */
    private static final String HAD_ELIGIBLE_SLOTS = "(select true from recurring_slot r join planned_slot p"
            + " on p.slot_id = r.id where r.teacher_id = t.id and p.eligible limit 1)";

    /**
     * Whether a teacher has an eligible slot is a scalar subquery rather than {@code exists}: the
     * planner turns {@code exists} into a semi-join and, planning for the parameters of each chunk,
     * hashed every slot and student of the studio to find the next hundred teachers (slow in a large
     * studio, see docs/performance.md); the subquery is asked teacher by teacher in id order and
     * stops at the hundredth.
     */
    private static final String VISITED = "((select true from recurring_slot r join student_profile s"
            + " on s.id = r.student_id where r.teacher_id = t.id and " + EligibleSlots.ELIGIBLE
            + " limit 1) or " + HAD_ELIGIBLE_SLOTS + ")";

    private static final String COUNT = "select count(*) from teacher_profile t where " + VISITED;

    /** Each slot with its teacher, its latest lesson's date and its {@code planned_slot} row. */
    private static final String COLUMNS = """
            select t.id as teacher_id, u.name as teacher_name, t.timezone,
                   r.id as slot_id, r.student_id, r.day_of_week, r.start_time, r.duration_minutes,
                   r.per_lesson_price as price, r.starts_on, r.ends_on, r.interval_weeks,
                   (%s) as eligible,
                   (select max(l.occurrence_date) from lesson l where l.recurring_slot_id = r.id) as generated_through,
                   p.eligible as planned_eligible, p.teacher_id as planned_teacher_id,
                   p.student_id as planned_student_id, p.timezone as planned_timezone,
                   p.day_of_week as planned_day_of_week, p.start_time as planned_start_time,
                   p.duration_minutes as planned_duration_minutes, p.price as planned_price,
                   p.starts_on as planned_starts_on, p.ends_on as planned_ends_on,
                   p.interval_weeks as planned_interval_weeks
            """.formatted(EligibleSlots.ELIGIBLE);

    /** The joins {@link #COLUMNS} needs besides {@code teacher_profile t} and {@code recurring_slot r}. */
    private static final String JOINS = """
            join app_user u on u.id = t.user_id
            join student_profile s on s.id = r.student_id
            left join planned_slot p on p.slot_id = r.id
            """;

    private static final String CHUNK =
            COLUMNS + """
            from (select t.id from teacher_profile t where t.id > :after and %s order by t.id limit :teachers) chunk
            join teacher_profile t on t.id = chunk.id
            join recurring_slot r on r.teacher_id = t.id
            """.formatted(VISITED) + JOINS + """
            where (%s) or p.eligible
            order by t.id, r.id
            """.formatted(EligibleSlots.ELIGIBLE);

    private static final String OF_SLOTS = COLUMNS + """
            from recurring_slot r
            join teacher_profile t on t.id = r.teacher_id
            """ + JOINS + """
            where r.id = any(cast(:slots as uuid[]))
            order by t.id, r.id
            """;

    /**
     * Starts the keyset walk: the nil uuid, which PostgreSQL orders before every other uuid (it
     * compares bytes unsigned, unlike {@link UUID#compareTo}) and which gen_random_uuid() never makes.
     */
    static final UUID BEFORE_FIRST_TEACHER = new UUID(0L, 0L);

    private final JdbcClient jdbc;

    SlotChunks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many teachers a walk visits. */
    int countTeachers() {
        return jdbc.sql(COUNT).query(Integer.class).single();
    }

    /** The next {@code teachers} teachers after {@code after} with their slots; empty at the end. */
    List<TeacherSlots> next(UUID after, int teachers) {
        return byTeacher(jdbc.sql(CHUNK)
                .param("after", after)
                .param("teachers", teachers)
                .query(SlotChunks::row)
                .list());
    }

    /** These slots with their teachers, whether they get lessons or not. */
    List<TeacherSlots> of(List<UUID> slots) {
        if (slots.isEmpty()) {
            return List.of();
        }
        return byTeacher(jdbc.sql(OF_SLOTS)
                .param("slots", slots.stream().map(UUID::toString).toArray(String[]::new))
                .query(SlotChunks::row)
                .list());
    }

    private record Row(UUID teacherId, String teacherName, String timezone, SlotState slot) {}

    private static List<TeacherSlots> byTeacher(List<Row> rows) {
        Map<UUID, TeacherSlots> teachers = new LinkedHashMap<>();
        for (Row row : rows) {
            teachers.computeIfAbsent(
                            row.teacherId(),
                            id -> new TeacherSlots(id, row.teacherName(), row.timezone(), new ArrayList<>()))
                    .slots()
                    .add(row.slot());
        }
        return List.copyOf(teachers.values());
    }

    private static Row row(ResultSet rs, int number) throws SQLException {
        Boolean plannedEligible = rs.getObject("planned_eligible", Boolean.class);
        PlannedSlot planned = plannedEligible == null ? null : new PlannedSlot(plannedEligible, terms(rs, "planned_"));
        return new Row(
                rs.getObject("teacher_id", UUID.class),
                rs.getString("teacher_name"),
                rs.getString("timezone"),
                new SlotState(
                        rs.getObject("slot_id", UUID.class),
                        terms(rs, ""),
                        rs.getBoolean("eligible"),
                        rs.getObject("generated_through", LocalDate.class),
                        planned));
    }

    /** A slot's terms from the columns named with {@code prefix}. */
    private static SlotTerms terms(ResultSet rs, String prefix) throws SQLException {
        return new SlotTerms(
                rs.getObject(prefix + "teacher_id", UUID.class),
                rs.getObject(prefix + "student_id", UUID.class),
                rs.getString(prefix + "timezone"),
                DayOfWeekColumn.fromColumn(rs.getInt(prefix + "day_of_week")),
                rs.getObject(prefix + "start_time", LocalTime.class),
                rs.getInt(prefix + "duration_minutes"),
                rs.getInt(prefix + "price"),
                rs.getObject(prefix + "starts_on", LocalDate.class),
                rs.getObject(prefix + "ends_on", LocalDate.class),
                rs.getInt(prefix + "interval_weeks"));
    }
}
