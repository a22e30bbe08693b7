package com.guitarstudio.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.guitarstudio.lessons.config.DatabaseConnection;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The packaged jar with an operator's settings in real environment variables, and stopped as an
 * orchestrator stops it (SIGTERM) in the middle of a run. Shows that the settings the README lists
 * reach the service under their documented names (the NEXTAUTH_* aliases included), and that
 * SIGTERM ends the run PARTIAL at a chunk boundary while the request that started it still gets its
 * answer.
 */
class OperatorSettingsJarTests {

    private static final String SECRET = "nextauth-secret-of-at-least-32-bytes-long";
    private static final String CRON_SECRET = "jar-cron-secret";
    private static final int TEACHERS = 3_000;

    private DatabaseConnection database;
    private ServiceProcess service;

    @Test
    void settingsFromTheEnvironmentAndSigtermInTheMiddleOfARun() throws Exception {
        database = TestDatabase.createEmptyDatabase();
        int port = ServiceProcess.freePort();
        ProcessBuilder builder = new ProcessBuilder(
                ServiceProcess.java(), "-Xmx256m", "-jar", ServiceProcess.jar().toString());
        Map<String, String> environment = builder.environment();
        environment
                .keySet()
                .removeIf(name -> name.startsWith("DATABASE_")
                        || name.startsWith("SPRING_")
                        || name.startsWith("GENERATION_")
                        || name.startsWith("AUTH_")
                        || name.startsWith("APP_"));
        environment.put("DATABASE_URL", database.jdbcUrl());
        if (database.username() != null) {
            environment.put("DATABASE_USERNAME", database.username());
            environment.put("DATABASE_PASSWORD", database.password() == null ? "" : database.password());
        }
        environment.put("NEXTAUTH_SECRET", SECRET);
        environment.put("NEXTAUTH_URL", "https://lessons.example.test");
        environment.put("CRON_SECRET", CRON_SECRET);
        environment.put("PORT", Integer.toString(port));
        environment.put("GENERATION_HORIZON_WEEKS", "3");
        environment.put("GENERATION_LOCK_AT_MOST_FOR", "PT5M");
        environment.put("JOB_LOG_RETENTION_DAYS", "7");
        environment.put("GENERATION_CATCH_UP_ON_STARTUP", "false");
        environment.put("GENERATION_SCHEDULE_ENABLED", "false");
        service = ServiceProcess.start(builder);
        service.awaitAnswering(port, "/actuator/health");

        JdbcClient jdbc = TestDatabase.jdbc(database);
        // every insert of lessons takes a fifth of a second more, so the run below is surely still
        // going when SIGTERM comes
        jdbc.sql("""
                create function slow_down() returns trigger language plpgsql as $$
                begin
                  perform pg_sleep(0.2);
                  return null;
                end $$
                """).update();
        jdbc.sql("create trigger slow_down after insert on lesson for each statement execute function slow_down()")
                .update();
        StudioFixtures studio = new StudioFixtures(jdbc);
        studio.signInUsers();
        TestHttp http = new TestHttp(port);

        // NEXTAUTH_SECRET signs and checks tokens: one signed with it is accepted
        UUID admin = jdbc.sql("select id from app_user where email = ?")
                .param(TestUsers.ADMIN)
                .query(UUID.class)
                .single();
        String token = "Bearer "
                + Jwts.builder()
                        .issuer("lesson-service")
                        .id(UUID.randomUUID().toString())
                        .subject(admin.toString())
                        .expiration(Date.from(Instant.now().plus(Duration.ofHours(1))))
                        .signWith(Keys.hmacShaKeyFor(SECRET.getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS256)
                        .compact();
        assertThat(http.get("/api/admin/background-jobs/history", "Authorization", token)
                        .statusCode())
                .isEqualTo(200);

        // NEXTAUTH_URL is the public URL: https, so the sign-in cookie is Secure even over plain HTTP here
        HttpResponse<String> signIn = http.submit(
                "/login",
                http.form("/login", ""),
                "email=" + TestUsers.ADMIN.replace("@", "%40") + "&password=" + TestUsers.PASSWORD.replace(" ", "+"));
        assertThat(signIn.headers().allValues("Set-Cookie"))
                .filteredOn(cookie -> cookie.startsWith("lessons_token="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("; Secure"));

        // GENERATION_LOCK_AT_MOST_FOR: a run RUNNING for 6 minutes is stale with PT5M
        UUID stuck = studio.jobLogRow("RUNNING", Instant.now().minus(Duration.ofMinutes(6)));
        // the report may be up to HEALTH_MAX_AGE (5 s) old
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(
                                TestHttp.json(http.get("/api/admin/background-jobs/history", "Authorization", token))
                                        .get("data")
                                        .get("systemHealth")
                                        .get("issues")
                                        .toString())
                        .contains("1 run has been RUNNING for longer than 5 minutes"));
        jdbc.sql("delete from job_log where id = ?").param(stuck).update();

        // JOB_LOG_RETENTION_DAYS: after a run, runs older than 7 days are gone, younger ones stay
        UUID eightDays = studio.jobLogRow("SUCCESS", Instant.now().minus(Duration.ofDays(8)));
        UUID sixDays = studio.jobLogRow("SUCCESS", Instant.now().minus(Duration.ofDays(6)));
        studio.teacherWithOneSlot("Horizon", "UTC", java.time.DayOfWeek.MONDAY, java.time.LocalTime.NOON);
        JsonNode small =
                TestHttp.json(http.get("/api/cron/generate-lessons", "Authorization", "Bearer " + CRON_SECRET));
        assertThat(small.get("status").asString()).isEqualTo("SUCCESS");
        assertThat(jdbc.sql("select id from job_log where id in (?, ?)")
                        .params(eightDays, sixDays)
                        .query(UUID.class)
                        .list())
                .containsExactly(sixDays);

        // GENERATION_HORIZON_WEEKS: the run's window is 3 weeks and a day
        UUID smallRun = UUID.fromString(small.get("jobLogId").asString());
        assertThat(jdbc.sql("select window_end - window_start from job_log where id = ?")
                        .param(smallRun)
                        .query(String.class)
                        .single())
                .isEqualTo("22 days");

        // SIGTERM in the middle of a run: it stops at a chunk boundary, PARTIAL, and its caller is answered
        studio.bulk("jar", TEACHERS, 2);
        CompletableFuture<HttpResponse<String>> running = CompletableFuture.supplyAsync(
                () -> http.get("/api/cron/generate-lessons", "Authorization", "Bearer " + CRON_SECRET));
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        jdbc.sql("select coalesce(max(teachers_processed), 0) from job_log where status = 'RUNNING'")
                                        .query(Integer.class)
                                        .single()
                                > 0);
        service.terminate();

        HttpResponse<String> answer = running.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(service.exitCode()).as("exited on its own after SIGTERM").isNotNull();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(500);
        JsonNode interrupted = TestHttp.json(answer);
        assertThat(interrupted.get("status").asString()).isEqualTo("PARTIAL");
        Map<String, Object> row = jdbc.sql(
                        "select status, teachers_processed, teachers_total, lessons_generated from job_log where id = ?")
                .param(UUID.fromString(interrupted.get("jobLogId").asString()))
                .query()
                .singleRow();
        assertThat(row).containsEntry("status", "PARTIAL");
        assertThat((Integer) row.get("teachers_processed")).isPositive().isLessThan(TEACHERS + 1);
        assertThat(((Number) row.get("lessons_generated")).longValue())
                .as("every lesson it reports was written")
                .isEqualTo(jdbc.sql("select count(*) from lesson where teacher_id in (select id from teacher_profile"
                                + " where user_id in (select id from app_user where email like 'jar-%'))")
                        .query(Long.class)
                        .single());
        assertThat(service.log()).contains("interrupted by shutdown");
    }

    @AfterEach
    void stopAndCleanUp() throws Exception {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            TestDatabase.drop(database);
        }
    }
}
