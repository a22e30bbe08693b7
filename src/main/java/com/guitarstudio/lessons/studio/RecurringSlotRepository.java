package com.guitarstudio.lessons.studio;

import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Recurring slots: the rule of which slots get lessons ({@link #ELIGIBLE}), stated once for every
 * module that asks.
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

    @Query(
            nativeQuery = true,
            value = "select exists (select 1 from " + SLOTS_WITH_TEACHER_AND_STUDENT + " where " + ELIGIBLE + ")")
    boolean existsEligibleSlot();
}
