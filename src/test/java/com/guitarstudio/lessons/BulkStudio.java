package com.guitarstudio.lessons;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A large studio written set-based: {@code teachers} teachers, each with {@code studentsPerTeacher}
 * students holding one weekly 30-minute slot each, teachers spread over eight zones (both
 * hemispheres, half-hour and 45-minute offsets). Ids are derived from {@code prefix} and the
 * numbers, so rows relate without lookups and two studios with other prefixes can coexist.
 */
public final class BulkStudio {

    public static final List<String> ZONES = List.of(
            "America/Chicago",
            "America/New_York",
            "Europe/London",
            "Australia/Sydney",
            "Asia/Kolkata",
            "Pacific/Chatham",
            "America/Santiago",
            "Australia/Lord_Howe");

    private BulkStudio() {}

    public static void create(JdbcClient jdbc, String prefix, int teachers, int studentsPerTeacher) {
        String zones = "array['" + String.join("','", ZONES) + "']";
        jdbc.sql("""
                insert into app_user (id, email, name, role)
                select md5(:p || 'tu' || t)::uuid, :p || '-teacher-' || t || '@bulk.test', 'Teacher ' || :p || t, 'TEACHER'
                from generate_series(1, :teachers) t
                """).param("p", prefix).param("teachers", teachers).update();
        jdbc.sql("""
                insert into teacher_profile (id, user_id, timezone)
                select md5(:p || 't' || t)::uuid, md5(:p || 'tu' || t)::uuid, (%s)[1 + t %% %d]
                from generate_series(1, :teachers) t
                """.formatted(zones, ZONES.size()))
                .param("p", prefix)
                .param("teachers", teachers)
                .update();
        jdbc.sql("""
                insert into teacher_lesson_settings (teacher_id, price_30_min, price_60_min)
                select md5(:p || 't' || t)::uuid, 3000, 5500 from generate_series(1, :teachers) t
                """).param("p", prefix).param("teachers", teachers).update();
        jdbc.sql("""
                insert into app_user (id, email, name, role)
                select md5(:p || 'su' || t || '-' || s)::uuid, :p || '-student-' || t || '-' || s || '@bulk.test',
                       'Student ' || t || '-' || s, 'STUDENT'
                from generate_series(1, :teachers) t, generate_series(1, :students) s
                """)
                .param("p", prefix)
                .param("teachers", teachers)
                .param("students", studentsPerTeacher)
                .update();
        jdbc.sql("""
                insert into student_profile (id, user_id, teacher_id)
                select md5(:p || 's' || t || '-' || s)::uuid, md5(:p || 'su' || t || '-' || s)::uuid, md5(:p || 't' || t)::uuid
                from generate_series(1, :teachers) t, generate_series(1, :students) s
                """)
                .param("p", prefix)
                .param("teachers", teachers)
                .param("students", studentsPerTeacher)
                .update();
        // Monday to Friday, 45 minutes apart from 08:00: no two slots of a teacher overlap.
        jdbc.sql("""
                insert into recurring_slot (id, teacher_id, student_id, day_of_week, start_time, duration_minutes, per_lesson_price)
                select md5(:p || 'r' || t || '-' || s)::uuid, md5(:p || 't' || t)::uuid, md5(:p || 's' || t || '-' || s)::uuid,
                       1 + (s - 1) % 5, time '08:00' + ((s - 1) / 5) * interval '45 minutes', 30, 3000
                from generate_series(1, :teachers) t, generate_series(1, :students) s
                """)
                .param("p", prefix)
                .param("teachers", teachers)
                .param("students", studentsPerTeacher)
                .update();
    }
}
