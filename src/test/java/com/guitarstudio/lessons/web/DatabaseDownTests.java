package com.guitarstudio.lessons.web;

import static com.guitarstudio.lessons.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.AppInstances;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With the database gone, callers learn it at once (503), not from a stack trace or a hung request. */
class DatabaseDownTests {

    private final AppInstances instances = new AppInstances();

    @AfterEach
    void stop() {
        instances.close();
    }

    @Test
    void everyEndpointAnswers503WithinFiveSeconds() throws SQLException {
        ConfigurableApplicationContext instance = instances.start("--app.cron.secret=down-test-secret");
        JdbcClient jdbc = instance.getBean(JdbcClient.class);
        StudioFixtures studio = new StudioFixtures(jdbc);
        studio.empty();
        studio.signInUsers();
        TestHttp http = new TestHttp(
                ((WebServerApplicationContext) instance).getWebServer().getPort());
        String token = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        TestHttp.Form loginForm = http.form("/login", "");

        pool(instance).getHikariPoolMXBean().softEvictConnections();
        pool(instance).close();

        long start = System.nanoTime();
        HttpResponse<String> cron = http.get("/api/cron/generate-lessons", "Authorization", "Bearer down-test-secret");
        HttpResponse<String> history = http.get("/api/admin/background-jobs/history", "Authorization", token);
        HttpResponse<String> manual =
                http.post("/api/admin/background-jobs/generate-lessons", null, "Authorization", token);
        HttpResponse<String> signIn = http.postJson(
                "/api/auth/token",
                "{\"email\":\"" + TestUsers.ADMIN + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}");
        HttpResponse<String> health = http.get("/actuator/health");
        HttpResponse<String> page = http.get(
                "/admin/background-jobs", "Cookie", "lessons_token=" + token.substring(7), "Accept", "text/html");
        HttpResponse<String> formLogin =
                http.submit("/login", loginForm, "email=admin%40studio.test&password=correct+horse+battery+staple");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(cron.statusCode()).as(cron.body()).isEqualTo(503);
        assertThat(json(cron).get("status").asString()).isEqualTo("FAILED");
        assertThat(json(cron).get("errors").get(0).asString()).startsWith("Run failed: the database is unavailable");
        assertThat(history.statusCode()).isEqualTo(503);
        assertThat(history.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(history).get("detail").asString())
                .isEqualTo("The database is unavailable; try again in a minute");
        assertThat(manual.statusCode()).isEqualTo(503);
        assertThat(signIn.statusCode()).isEqualTo(503);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(json(health).get("status").asString()).isEqualTo("DOWN");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("Database unavailable");
        assertThat(formLogin.statusCode()).isEqualTo(503);
        assertThat(formLogin.body()).contains("Database unavailable");
        assertThat(elapsed).isLessThan(Duration.ofSeconds(5 * 5));
        for (HttpResponse<String> response :
                java.util.List.of(cron, history, manual, signIn, health, page, formLogin)) {
            assertThat(response.body()).doesNotContain("Exception", "at com.", "SQL");
        }
    }

    /** The connection pool (the tests' statement counter wraps it). */
    private static HikariDataSource pool(ConfigurableApplicationContext instance) throws SQLException {
        return instance.getBean(DataSource.class).unwrap(HikariDataSource.class);
    }
}
