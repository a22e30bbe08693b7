package com.guitarstudio.lessons.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.guitarstudio.lessons.AppInstances;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestDatabase;
import com.guitarstudio.lessons.TestUsers;
import com.guitarstudio.lessons.config.InvalidEnvironment;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** ADMIN_EMAIL and ADMIN_PASSWORD create the first admin, and never touch an existing user. */
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTests {

    private static final String PASSWORD = "a-long-enough-admin-password";

    private final AppInstances instances = new AppInstances();
    private JdbcClient jdbc;

    @BeforeEach
    void emptyDatabase() {
        jdbc = TestDatabase.jdbc();
        new StudioFixtures(jdbc).empty();
    }

    @AfterEach
    void stop() {
        instances.close();
    }

    @Test
    void createsTheAdminWithABcryptHashAndNeverLogsThePassword(CapturedOutput output) {
        instances.start("--app.admin.email=Owner@Studio.test", "--app.admin.password=" + PASSWORD);

        Map<String, Object> user = jdbc.sql("select * from app_user where lower(email) = 'owner@studio.test'")
                .query()
                .singleRow();
        assertThat(user).containsEntry("role", "ADMIN").containsEntry("email", "Owner@Studio.test");
        String hash = (String) user.get("password_hash");
        assertThat(hash).startsWith("$2a$");
        assertThat(new BCryptPasswordEncoder().matches(PASSWORD, hash)).isTrue();
        assertThat(output.getAll())
                .contains("Created the admin Owner@Studio.test")
                .doesNotContain(PASSWORD);
    }

    @Test
    void anExistingUserWithThatEmailIsLeftUnchanged() {
        new StudioFixtures(jdbc).signInUsers();
        String before = jdbc.sql("select role || password_hash from app_user where email = ?")
                .param(TestUsers.TEACHER)
                .query(String.class)
                .single();

        instances.start("--app.admin.email=" + TestUsers.TEACHER.toUpperCase(), "--app.admin.password=" + PASSWORD);

        assertThat(jdbc.sql("select role || password_hash from app_user where lower(email) = ?")
                        .param(TestUsers.TEACHER)
                        .query(String.class)
                        .list())
                .containsExactly(before);
    }

    @Test
    void aShortPasswordStopsTheStartWithAReasonAndNoStackTrace(CapturedOutput output) {
        assertThatThrownBy(() -> instances.start("--app.admin.email=owner@studio.test", "--app.admin.password=short"))
                .isInstanceOf(InvalidEnvironment.class);

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("ADMIN_PASSWORD must be at least 12 characters long to create the admin owner@studio.test")
                .doesNotContain("\tat com.guitarstudio");
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single())
                .isZero();
    }

    @Test
    void anEmailWithoutPasswordCreatesNothing(CapturedOutput output) {
        instances.start("--app.admin.email=owner@studio.test");

        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single())
                .isZero();
        assertThat(output.getAll()).contains("Set both ADMIN_EMAIL and ADMIN_PASSWORD");
    }
}
