package com.guitarstudio.lessons.health;

import com.guitarstudio.lessons.security.CronSecret;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The system health of DESIGN.md §7, computed with aggregate SQL (no rows are loaded to be counted). */
@Service
public class HealthReport {

    private final JdbcClient jdbc;
    private final CronSecret cronSecret;
    private final Clock clock;

    HealthReport(JdbcClient jdbc, CronSecret cronSecret, Clock clock) {
        this.jdbc = jdbc;
        this.cronSecret = cronSecret;
        this.clock = clock;
    }

    public SystemHealth current() {
        List<String> issues = new ArrayList<>();
        List<String> suggestions = new ArrayList<>();
        if (!cronSecret.isSet()) {
            issues.add("CRON_SECRET is not set: anyone can start lesson generation through /api/cron/generate-lessons");
            suggestions.add("Set CRON_SECRET to a random value (openssl rand -base64 32) and send it as"
                    + " 'Authorization: Bearer <secret>' from your cron service");
        }
        return new SystemHealth(issues.isEmpty(), issues, suggestions, indicators());
    }

    private Indicators indicators() {
        Instant now = clock.instant();
        return jdbc.sql("""
                select
                  (select count(*) from app_user) as total_users,
                  (select count(*) from teacher_profile where is_active) as active_teachers,
                  (select count(*) from student_profile where is_active) as active_students,
                  (select count(*) from recurring_slot where status = 'ACTIVE') as active_slots,
                  (select count(*) from teacher_profile t where t.is_active
                     and exists (select 1 from teacher_lesson_settings s where s.teacher_id = t.id)) as with_settings,
                  (select count(*) from teacher_profile t where t.is_active
                     and not exists (select 1 from teacher_lesson_settings s where s.teacher_id = t.id)) as without_settings,
                  (select count(*) from recurring_slot where status = 'ACTIVE' and booked_at < :sixMonthsAgo) as old_slots,
                  (select count(*) from recurring_slot r
                     join teacher_profile t on t.id = r.teacher_id
                     join student_profile s on s.id = r.student_id
                   where r.status = 'ACTIVE'
                     and (not t.is_active or not s.is_active or s.teacher_id <> r.teacher_id)) as orphaned_slots,
                  (select count(*) from lesson where start_at >= :weekAgo and start_at < :now) as recent_lessons,
                  (select count(*) from lesson
                   where status = 'SCHEDULED' and start_at >= :now and start_at < :weekAhead) as upcoming_lessons
                """)
                .param("now", Timestamp.from(now))
                .param(
                        "sixMonthsAgo",
                        Timestamp.from(
                                now.atOffset(ZoneOffset.UTC).minusMonths(6).toInstant()))
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
}
