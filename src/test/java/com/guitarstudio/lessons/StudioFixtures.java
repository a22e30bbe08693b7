package com.guitarstudio.lessons;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Small, explicit studio data for tests, written with SQL as the studio's main app would. */
public final class StudioFixtures {

    private final JdbcClient jdbc;

    public StudioFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An active teacher with lesson settings. */
    public UUID teacher(String name, String zone) {
        UUID userId = user(name, "TEACHER");
        UUID teacherId = jdbc.sql("insert into teacher_profile (user_id, timezone) values (?, ?) returning id")
                .params(userId, zone)
                .query(UUID.class)
                .single();
        jdbc.sql("insert into teacher_lesson_settings (teacher_id, price_30_min, price_60_min) values (?, 3000, 5500)")
                .param(teacherId)
                .update();
        return teacherId;
    }

    public UUID student(String name, UUID teacherId) {
        UUID userId = user(name, "STUDENT");
        return jdbc.sql("insert into student_profile (user_id, teacher_id) values (?, ?) returning id")
                .params(userId, teacherId)
                .query(UUID.class)
                .single();
    }

    /** An ACTIVE weekly slot; {@code day} is stored counting from Sunday = 0. */
    public UUID slot(UUID teacherId, UUID studentId, DayOfWeek day, LocalTime start, int minutes, int price) {
        return jdbc.sql("""
                insert into recurring_slot (teacher_id, student_id, day_of_week, start_time, duration_minutes, per_lesson_price)
                values (?, ?, ?, ?, ?, ?) returning id
                """)
                .params(teacherId, studentId, day.getValue() % 7, start, minutes, price)
                .query(UUID.class)
                .single();
    }

    /** A teacher with one student and one slot; returns the slot. */
    public UUID teacherWithOneSlot(String name, String zone, DayOfWeek day, LocalTime start) {
        UUID teacher = teacher(name, zone);
        UUID student = student(name + "'s student", teacher);
        return slot(teacher, student, day, start, 30, 2500);
    }

    public void update(String sql, Object... params) {
        jdbc.sql(sql).params(params).update();
    }

    public long lessonCount() {
        return jdbc.sql("select count(*) from lesson").query(Long.class).single();
    }

    public long lessonCount(UUID teacherId) {
        return jdbc.sql("select count(*) from lesson where teacher_id = ?")
                .param(teacherId)
                .query(Long.class)
                .single();
    }

    /** A job_log row of a generation run that started at {@code executedAt}. */
    public UUID jobLogRow(String status, Instant executedAt) {
        return jdbc.sql("""
                insert into job_log (job_name, trigger, status, success, executed_at)
                values ('generate-future-lessons', 'SCHEDULE', ?, ? = 'SUCCESS', ?) returning id
                """)
                .params(status, status, Timestamp.from(executedAt))
                .query(UUID.class)
                .single();
    }

    private UUID user(String name, String role) {
        String email = name.toLowerCase().replaceAll("[^a-z0-9]+", ".") + "." + UUID.randomUUID() + "@studio.test";
        return jdbc.sql("insert into app_user (email, name, role) values (?, ?, ?) returning id")
                .params(email, name, role)
                .query(UUID.class)
                .single();
    }
}
