package com.guitarstudio.lessons.studio;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rule of which slots get lessons ({@link #ELIGIBLE}), stated once for every module that asks:
 * generation, the health checks, the startup catch-up and the alerts.
 */
@Component
public class EligibleSlots {

    /**
     * Which slots get lessons: an ACTIVE slot whose teacher is active and whose student is active and
     * belongs to that teacher. The one statement of the rule, as a SQL condition over {@code r}
     * (recurring_slot), {@code t} (teacher_profile) and {@code s} (student_profile). Active slots
     * that fail it are not errors; the orphaned-slots check counts them.
     */
    public static final String ELIGIBLE =
            "r.status = 'ACTIVE' and t.is_active and s.is_active and s.teacher_id = r.teacher_id";

    /** The tables {@link #ELIGIBLE} speaks of, joined. */
    public static final String SLOTS_WITH_TEACHER_AND_STUDENT = "recurring_slot r join teacher_profile t on t.id ="
            + " r.teacher_id join student_profile s on s.id = r.student_id";

    private final JdbcClient jdbc;

    EligibleSlots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether any slot gets lessons at all. */
    public boolean exist() {
        return jdbc.sql("select exists (select 1 from " + SLOTS_WITH_TEACHER_AND_STUDENT + " where " + ELIGIBLE + ")")
                .query(Boolean.class)
                .single();
    }
}
