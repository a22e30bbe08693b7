package com.guitarstudio.lessons;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Users who can sign in, of every kind the access rules tell apart, with one known password. */
public final class TestUsers {

    public static final String PASSWORD = "correct horse battery staple";
    public static final String STUDENT = "student@studio.test";
    public static final String TEACHER = "teacher@studio.test";
    public static final String ADMIN_TEACHER = "admin-teacher@studio.test";
    public static final String ADMIN = "admin@studio.test";

    private static final String HASH = new BCryptPasswordEncoder().encode(PASSWORD);

    private TestUsers() {}

    /** Creates the four users (the tables must be empty of them). */
    public static void create(JdbcClient jdbc) {
        UUID teacher = teacher(jdbc, TEACHER, false);
        teacher(jdbc, ADMIN_TEACHER, true);
        UUID studentUser = user(jdbc, STUDENT, "STUDENT", HASH);
        jdbc.sql("insert into student_profile (user_id, teacher_id) values (?, ?)")
                .params(studentUser, teacher)
                .update();
        user(jdbc, ADMIN, "ADMIN", HASH);
    }

    public static UUID user(JdbcClient jdbc, String email, String role, String passwordHash) {
        return jdbc.sql("insert into app_user (email, name, role, password_hash) values (?, ?, ?, ?) returning id")
                .params(email, email.substring(0, email.indexOf('@')), role, passwordHash)
                .query(UUID.class)
                .single();
    }

    private static UUID teacher(JdbcClient jdbc, String email, boolean admin) {
        UUID userId = user(jdbc, email, "TEACHER", HASH);
        return jdbc.sql("insert into teacher_profile (user_id, is_admin) values (?, ?) returning id")
                .params(userId, admin)
                .query(UUID.class)
                .single();
    }
}
