package com.guitarstudio.lessons.cron;

import static com.guitarstudio.lessons.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.AppInstances;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Without CRON_SECRET the cron endpoint is open, and the service says so: at startup and in its health. */
@ExtendWith(OutputCaptureExtension.class)
class OpenCronEndpointTests {

    private final AppInstances instances = new AppInstances();

    @AfterEach
    void stop() {
        instances.close();
    }

    @Test
    void anyoneMayCallItTheStartupLogWarnsAndHealthListsIt(CapturedOutput output) {
        ConfigurableApplicationContext instance = instances.start("--app.cron.secret=");
        JdbcClient jdbc = instance.getBean(JdbcClient.class);
        StudioFixtures studio = new StudioFixtures(jdbc);
        studio.empty();
        studio.signInUsers();
        TestHttp http = new TestHttp(
                ((WebServerApplicationContext) instance).getWebServer().getPort());

        HttpResponse<String> anonymous = http.get("/api/cron/generate-lessons", "User-Agent", "curl/8.5.0");

        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(json(anonymous).get("status").asString()).isEqualTo("SUCCESS");
        assertThat(output.getAll()).contains("CRON_SECRET is not set: anyone who can reach /api/cron/generate-lessons");
        String token = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        JsonNode health = json(http.get("/api/admin/background-jobs/history", "Authorization", token))
                .get("data")
                .get("systemHealth");
        assertThat(health.get("isHealthy").asBoolean()).isFalse();
        assertThat(health.get("issues").get(0).asString()).startsWith("CRON_SECRET is not set");
        assertThat(health.get("suggestions").get(0).asString()).contains("openssl rand -base64 32");

        String page = http.get(
                        "/admin/background-jobs",
                        "Cookie",
                        "lessons_token=" + token.substring(7),
                        "Accept",
                        "text/html")
                .body();
        String studioHealth = page.substring(page.indexOf("id=\"health\""), page.indexOf("id=\"next-closures\""));
        String operator = page.substring(page.indexOf("id=\"operator\""));
        assertThat(studioHealth).doesNotContain("CRON_SECRET").contains("No problems found.");
        assertThat(page)
                .containsPattern("Problems to look at</span>\\s*<a class=\"card-value\" href=\"#health-title\">0<");
        assertThat(operator)
                .contains("/api/cron/generate-lessons is open to anyone who can reach it")
                .contains("CRON_SECRET is not set", "openssl rand -base64 32");
    }

    @Test
    void noUserWithAGeneratedPasswordIsEverCreated(CapturedOutput output) {
        instances.start();

        assertThat(output.getAll()).doesNotContain("generated security password");
    }
}
