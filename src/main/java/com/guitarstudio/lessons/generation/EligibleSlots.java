package com.guitarstudio.lessons.generation;

import com.guitarstudio.lessons.studio.DayOfWeekColumn;
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
 * Reads the slots that get lessons (DESIGN.md §4 "Who"): an ACTIVE slot whose teacher is active and
 * whose student is active and belongs to that teacher. Slots failing the rule are not errors; the
 * health checks count them. Teachers come in chunks, in id order, so memory stays flat however
 * many slots there are, and each chunk is one query.
 */
@Component
class EligibleSlots {

    /** A slot of teacher {@code t} is eligible; needs {@code r} (recurring_slot) and {@code s} (student_profile). */
    private static final String SLOT_IS_ELIGIBLE =
            "r.status = 'ACTIVE' and s.is_active and s.teacher_id = r.teacher_id";

    /** Teacher {@code t} is active and has at least one eligible slot. */
    private static final String TEACHER_HAS_ELIGIBLE_SLOTS = "t.is_active and exists (select 1 from recurring_slot r"
            + " join student_profile s on s.id = r.student_id where r.teacher_id = t.id and " + SLOT_IS_ELIGIBLE + ")";

    private static final String COUNT_TEACHERS =
            "select count(*) from teacher_profile t where " + TEACHER_HAS_ELIGIBLE_SLOTS;

    private static final String NEXT_CHUNK = """
            select t.id as teacher_id, u.name as teacher_name, t.timezone,
                   r.id as slot_id, r.student_id, r.day_of_week, r.start_time, r.duration_minutes, r.per_lesson_price,
                   (select max(l.occurrence_date) from lesson l where l.recurring_slot_id = r.id) as generated_through
            from (select t.id from teacher_profile t
                  where t.id > :after and %s
                  order by t.id
                  limit :teachers) chunk
            join teacher_profile t on t.id = chunk.id
            join app_user u on u.id = t.user_id
            join recurring_slot r on r.teacher_id = t.id
            join student_profile s on s.id = r.student_id
            where %s
            order by t.id, r.id
            """.formatted(TEACHER_HAS_ELIGIBLE_SLOTS, SLOT_IS_ELIGIBLE);

    /**
     * Starts the keyset walk: the nil uuid, which PostgreSQL orders before every other uuid (it
     * compares bytes unsigned, unlike {@link UUID#compareTo}) and which gen_random_uuid() never makes.
     */
    static final UUID BEFORE_FIRST = new UUID(0L, 0L);

    private final JdbcClient jdbc;

    EligibleSlots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int countTeachers() {
        return jdbc.sql(COUNT_TEACHERS).query(Integer.class).single();
    }

    /** Up to {@code teachers} teachers with id after {@code after}, each with its eligible slots; empty at the end. */
    List<TeacherSlots> nextChunk(UUID after, int teachers) {
        Map<UUID, TeacherSlots> chunk = new LinkedHashMap<>();
        jdbc.sql(NEXT_CHUNK).param("after", after).param("teachers", teachers).query(rs -> {
            UUID teacherId = rs.getObject("teacher_id", UUID.class);
            TeacherSlots teacher = chunk.get(teacherId);
            if (teacher == null) {
                teacher = new TeacherSlots(
                        teacherId, rs.getString("teacher_name"), rs.getString("timezone"), new ArrayList<>());
                chunk.put(teacherId, teacher);
            }
            teacher.slots()
                    .add(new Slot(
                            rs.getObject("slot_id", UUID.class),
                            rs.getObject("student_id", UUID.class),
                            new WeeklySlot(
                                    DayOfWeekColumn.fromColumn(rs.getInt("day_of_week")),
                                    rs.getObject("start_time", LocalTime.class)),
                            rs.getInt("duration_minutes"),
                            rs.getInt("per_lesson_price"),
                            rs.getObject("generated_through", LocalDate.class)));
        });
        return List.copyOf(chunk.values());
    }

    /** A teacher as generation sees it; {@code timezone} is the stored text, possibly not a valid zone id. */
    record TeacherSlots(UUID teacherId, String teacherName, String timezone, List<Slot> slots) {}

    /** {@code generatedThrough}: the latest occurrence date of the slot's lessons, null if it has none. */
    record Slot(
            UUID slotId,
            UUID studentId,
            WeeklySlot weekly,
            int durationMinutes,
            int price,
            LocalDate generatedThrough) {}
}
