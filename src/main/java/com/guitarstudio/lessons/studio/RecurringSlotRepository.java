package com.guitarstudio.lessons.studio;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Recurring slots as lesson generation reads them: native SQL returning {@link EligibleSlot}
 * records (a projection: the query's column aliases are the record's components), never entity
 * graphs, so a chunk of a thousand slots is one query and no entity is ever managed.
 */
public interface RecurringSlotRepository extends Repository<RecurringSlot, UUID> {

    /**
     * Which slots get lessons: an ACTIVE slot whose teacher is active and whose student is active and
     * belongs to that teacher. The one statement of the rule, as a SQL condition over {@code r}
     * (recurring_slot), {@code t} (teacher_profile) and {@code s} (student_profile): generation, the
     * health checks and the startup catch-up all use it. Active slots that fail it are not errors;
     * the orphaned-slots check counts them.
     */
    String ELIGIBLE = "r.status = 'ACTIVE' and t.is_active and s.is_active and s.teacher_id = r.teacher_id";

    /** The tables {@link #ELIGIBLE} speaks of, joined. */
    String SLOTS_WITH_TEACHER_AND_STUDENT = "recurring_slot r join teacher_profile t on t.id = r.teacher_id"
            + " join student_profile s on s.id = r.student_id";

    /** Teacher {@code t} has at least one eligible slot. */
    String TEACHER_HAS_ELIGIBLE_SLOTS = "exists (select 1 from recurring_slot r join student_profile s"
            + " on s.id = r.student_id where r.teacher_id = t.id and " + ELIGIBLE + ")";

    @Query(
            nativeQuery = true,
            value = "select exists (select 1 from " + SLOTS_WITH_TEACHER_AND_STUDENT + " where " + ELIGIBLE + ")")
    boolean existsEligibleSlot();

    @Query(nativeQuery = true, value = "select count(*) from teacher_profile t where " + TEACHER_HAS_ELIGIBLE_SLOTS)
    long countTeachersWithEligibleSlots();

    /**
     * The eligible slots of the next {@code teachers} teachers (those with eligible slots) whose id
     * comes after {@code after}, in id order: a keyset walk over the teachers, so memory stays flat
     * whatever the studio's size. Empty at the end. Each slot carries the latest occurrence date of
     * its lessons ({@code generatedThrough}), one index probe per slot.
     *
     * <p>Whether a teacher has an eligible slot is a scalar subquery rather than {@code exists}: the
     * planner turns {@code exists} into a semi-join and, planning for the parameters of each chunk,
     * hashed every slot and student of the studio to find the next hundred teachers (0.3 s a chunk
     * at 100,000 slots); the subquery is asked teacher by teacher in id order and stops at the
     * hundredth.
     */
    @Query(nativeQuery = true, value = """
            select t.id as "teacherId", u.name as "teacherName", t.timezone as "timezone",
                   r.id as "slotId", r.student_id as "studentId", r.day_of_week as "dayOfWeek",
                   r.start_time as "startTime", r.duration_minutes as "durationMinutes",
                   r.per_lesson_price as "price", r.starts_on as "startsOn", r.ends_on as "endsOn",
                   r.interval_weeks as "intervalWeeks",
                   (select max(l.occurrence_date) from lesson l where l.recurring_slot_id = r.id) as "generatedThrough"
            from (select t.id from teacher_profile t where t.id > :after
                    and (select true from recurring_slot r join student_profile s on s.id = r.student_id
                         where r.teacher_id = t.id and
            """ + ELIGIBLE + """
             limit 1)
                  order by t.id limit :teachers) chunk
            join teacher_profile t on t.id = chunk.id
            join app_user u on u.id = t.user_id
            join recurring_slot r on r.teacher_id = t.id
            join student_profile s on s.id = r.student_id
            where
            """ + ELIGIBLE + """

            order by t.id, r.id
            """)
    List<EligibleSlot> findEligibleSlotsOfNextTeachers(UUID after, int teachers);

    /**
     * Starts the keyset walk of {@link #findEligibleSlotsOfNextTeachers}: the nil uuid, which
     * PostgreSQL orders before every other uuid (it compares bytes unsigned, unlike {@link
     * UUID#compareTo}) and which gen_random_uuid() never makes.
     */
    UUID BEFORE_FIRST_TEACHER = new UUID(0L, 0L);
}
