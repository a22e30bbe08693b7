package com.guitarstudio.lessons.studio;

import com.guitarstudio.lessons.health.Indicators;
import com.guitarstudio.lessons.health.IndicatorsQuery;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The studio at a glance for the health report, in one statement: one pass over the active slots
 * with their teacher and student gives the slot counts (and the orphaned and old slots, which two
 * checks report), the rest are counts that indexes answer.
 */
@Component
class StudioIndicators implements IndicatorsQuery {

    /** Active slots booked longer ago than this may need review. */
    static final int OLD_AFTER_MONTHS = 6;

    private static final String INDICATORS =
            """
            with slots as (
              select count(*) as active_slots,
                     count(*) filter (where r.booked_at < :oldBefore) as old_slots,
                     count(*) filter (where not (%s)) as orphaned_slots
              from %s
              where r.status = 'ACTIVE')
            select
              (select count(*) from app_user) as total_users,
              (select count(*) from teacher_profile where is_active) as active_teachers,
              (select count(*) from student_profile where is_active) as active_students,
              active_slots, old_slots, orphaned_slots,
              with_settings, without_settings,
              (select count(*) from lesson where start_at >= :weekAgo and start_at < :now) as recent_lessons,
              (select count(*) from lesson
               where status = 'SCHEDULED' and start_at >= :now and start_at < :weekAhead) as upcoming_lessons
            from slots, (
              select count(s.teacher_id) as with_settings, count(*) - count(s.teacher_id) as without_settings
              from teacher_profile t left join teacher_lesson_settings s on s.teacher_id = t.id
              where t.is_active) settings
            """.formatted(EligibleSlots.ELIGIBLE, EligibleSlots.SLOTS_WITH_TEACHER_AND_STUDENT);

    private final JdbcClient jdbc;
    private final Clock clock;

    StudioIndicators(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Indicators read() {
        Instant now = clock.instant();
        return jdbc.sql(INDICATORS)
                .param("now", Timestamp.from(now))
                .param("oldBefore", Timestamp.from(oldBefore(now)))
                .param("weekAgo", Timestamp.from(now.minus(Duration.ofDays(7))))
                .param("weekAhead", Timestamp.from(now.plus(Duration.ofDays(7))))
                .query((rs, n) -> new Indicators(
                        rs.getLong("total_users"),
                        rs.getLong("active_teachers"),
                        rs.getLong("active_students"),
                        rs.getLong("active_slots"),
                        rs.getLong("with_settings"),
                        rs.getLong("without_settings"),
                        rs.getLong("old_slots"),
                        rs.getLong("orphaned_slots"),
                        rs.getLong("recent_lessons"),
                        rs.getLong("upcoming_lessons")))
                .single();
    }

    static Instant oldBefore(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minusMonths(OLD_AFTER_MONTHS).toInstant();
    }
}
