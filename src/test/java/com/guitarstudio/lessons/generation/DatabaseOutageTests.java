package com.guitarstudio.lessons.generation;

import static com.guitarstudio.lessons.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.guitarstudio.lessons.LessonServiceApplication;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestDatabase;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.config.DatabaseConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real outage at the end of a run: the server terminates the run's connections and refuses new
 * ones to the database, then takes them again. The run's caller learns what it wrote, the run's
 * record and the lock catch up once the database is back, and the next trigger runs.
 */
class DatabaseOutageTests {

    private static final String SECRET = "outage-test-cron-secret";
    private static final int TEACHERS = 12;

    private DatabaseConnection database;
    private String name;
    private ConfigurableApplicationContext instance;
    private JdbcClient jdbc;

    @BeforeEach
    void instance() {
        database = TestDatabase.createEmptyDatabase();
        name = TestDatabase.name(database);
        instance = new SpringApplicationBuilder(LessonServiceApplication.class)
                .properties(database.asDataSourceProperties())
                .run(
                        "--server.port=0",
                        "--app.cron.secret=" + SECRET,
                        "--app.generation.teachers-per-chunk=3",
                        "--spring.datasource.hikari.connection-timeout=1000");
        // the test's own connections, outside the instance's pool
        jdbc = TestDatabase.jdbc(database);
        new StudioFixtures(jdbc).bulk("outage", TEACHERS, 2);
    }

    @AfterEach
    void stop() {
        TestDatabase.executeOnServer("alter database " + name + " allow_connections true");
        instance.close();
        TestDatabase.drop(database);
    }

    @Test
    void aRunThatLosesTheDatabaseReportsWhatItWroteAndTheNextTriggerRunsOnceItIsBack() {
        // the last chunk's first insert waits, as if the database stalled, until the outage ends it
        UUID lastTeacher = jdbc.sql("select id from teacher_profile order by id desc limit 1")
                .query(UUID.class)
                .single();
        jdbc.sql("""
                create function stall() returns trigger language plpgsql as $$
                begin
                  if new.teacher_id = '%s' then
                    perform pg_sleep(120);
                  end if;
                  return new;
                end $$
                """.formatted(lastTeacher)).update();
        jdbc.sql("create trigger stall before insert on lesson for each row execute function stall()")
                .update();
        TestHttp http = new TestHttp(
                ((WebServerApplicationContext) instance).getWebServer().getPort());
        double countedBefore = lessonsCounted();

        CompletableFuture<HttpResponse<String>> lost = CompletableFuture.supplyAsync(
                () -> http.get("/api/cron/generate-lessons", "Authorization", "Bearer " + SECRET));
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        jdbc.sql("select count(*) from pg_stat_activity where wait_event = 'PgSleep' and datname = ?")
                                        .param(name)
                                        .query(Long.class)
                                        .single()
                                == 1);
        TestDatabase.executeOnServer("alter database " + name + " allow_connections false");
        TestDatabase.executeOnServer(
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");

        HttpResponse<String> response = lost.join();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(json(response).get("status").asString()).isEqualTo("FAILED");
        UUID jobLogId = UUID.fromString(json(response).get("jobLogId").asString());
        int reported = json(response).get("lessonsGenerated").asInt();
        assertThat(reported).as("the chunks written before the outage").isPositive();
        assertThat(lessonsCounted() - countedBefore)
                .as("lessons.generated counts them")
                .isEqualTo(reported);

        TestDatabase.executeOnServer("alter database " + name + " allow_connections true");
        jdbc.sql("drop trigger stall on lesson").update();

        // once the database is back: the run's row finished with what it wrote, the lock free
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> row = jdbc.sql("select status, lessons_generated from job_log where id = ?")
                    .param(jobLogId)
                    .query()
                    .singleRow();
            assertThat(row).containsEntry("status", "FAILED").containsEntry("lessons_generated", reported);
            assertThat(jdbc.sql("select count(*) from shedlock where lock_until > timezone('utc', now())")
                            .query(Long.class)
                            .single())
                    .isZero();
        });
        assertThat(jdbc.sql("select count(*) from lesson").query(Long.class).single())
                .isEqualTo(reported);

        HttpResponse<String> next = http.get("/api/cron/generate-lessons", "Authorization", "Bearer " + SECRET);
        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from job_log where status = 'ABANDONED'")
                        .query(Long.class)
                        .single())
                .as("the lost run was recorded, not abandoned")
                .isZero();
        assertThat(jdbc.sql("""
                        select count(*) from (select recurring_slot_id, start_at from lesson
                                              group by 1, 2 having count(*) > 1) twice
                        """).query(Long.class).single())
                .as("no lesson twice")
                .isZero();
        assertThat(jdbc.sql("select count(*) from lesson").query(Long.class).single())
                .isEqualTo(reported + json(next).get("lessonsGenerated").asLong());
    }

    private double lessonsCounted() {
        return instance.getBean(MeterRegistry.class).find("lessons.generated").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
