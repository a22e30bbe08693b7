package com.guitarstudio.lessons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.guitarstudio.lessons.LessonServiceApplication;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TcpProxy;
import com.guitarstudio.lessons.TestDatabase;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import com.guitarstudio.lessons.config.DatabaseConnection;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database server becomes unreachable (its port stops answering and every open connection
 * drops, as in a network failure), then comes back, with the production pool settings: the service
 * says 503 within about 3 seconds, readiness goes DOWN, and both recover without a restart.
 */
class UnreachableDatabaseTests {

    private TcpProxy proxy;
    private ConfigurableApplicationContext instance;

    @AfterEach
    void stop() {
        if (instance != null) {
            instance.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void answers503QuicklyWhileTheServerIsUnreachableAndRecoversWhenItReturns() {
        DatabaseConnection database = TestDatabase.connection();
        StudioFixtures studio = new StudioFixtures(TestDatabase.jdbc());
        studio.empty();
        studio.signInUsers();
        proxy = TcpProxy.before(database);
        DatabaseConnection proxied = proxy.reaching(database);
        instance = new SpringApplicationBuilder(LessonServiceApplication.class)
                .properties(proxied.asDataSourceProperties())
                .run("--server.port=0", "--app.health.max-age=0s");
        TestHttp http = new TestHttp(
                ((WebServerApplicationContext) instance).getWebServer().getPort());
        String admin = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        Supplier<HttpResponse<String>> history =
                () -> http.get("/api/admin/background-jobs/history", "Authorization", admin);
        assertThat(history.get().statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        proxy.cut();

        for (String path : new String[] {"/api/admin/background-jobs/history", "/actuator/health/readiness"}) {
            long start = System.nanoTime();
            HttpResponse<String> answer = http.get(path, "Authorization", admin);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(answer.statusCode()).as(path).isEqualTo(503);
            // the pool gives up after its 3 s connection timeout; without it the request would wait for
            // the operating system's TCP timeout (minutes). 15 s leaves room for a busy machine.
            assertThat(took).as(path).isLessThan(Duration.ofSeconds(15));
        }
        assertThat(TestHttp.json(http.get("/actuator/health/readiness"))
                        .get("status")
                        .asString())
                .isEqualTo("DOWN");
        assertThat(http.postJson(
                                "/api/auth/token",
                                "{\"email\":\"" + TestUsers.ADMIN + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}")
                        .statusCode())
                .isEqualTo(503);
        assertThat(http.get("/api/cron/generate-lessons").statusCode()).isEqualTo(503);

        proxy.restore();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(history.get().statusCode()).isEqualTo(200);
        });
    }
}
