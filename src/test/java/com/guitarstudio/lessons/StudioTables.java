package com.guitarstudio.lessons;

import org.springframework.jdbc.core.simple.JdbcClient;

/** All tests of a run share one database; a test that writes starts from empty tables. */
public final class StudioTables {

    private StudioTables() {}

    public static void truncate(JdbcClient jdbc) {
        jdbc.sql("""
                truncate lesson, recurring_slot, teacher_lesson_settings, student_profile, teacher_profile,
                         app_user, job_log, shedlock, login_failure
                """).update();
    }
}
