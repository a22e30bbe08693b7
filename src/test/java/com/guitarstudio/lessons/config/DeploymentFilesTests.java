package com.guitarstudio.lessons.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.security.AuthSecret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The files a deployer copies stay true to what the service reads and serves. */
class DeploymentFilesTests {

    /** Set in .env for docker compose's own PostgreSQL container, not read by the service. */
    private static final Set<String> COMPOSE_ONLY = Set.of("POSTGRES_PASSWORD");

    @Test
    void envExampleListsEveryVariableTheServiceReadsAndNoOther() throws IOException {
        Set<String> read = variablesTheServiceReads();
        Set<String> listed = new TreeSet<>();
        Matcher line =
                Pattern.compile("(?m)^#?\\s*([A-Z][A-Z0-9_]+)=").matcher(Files.readString(Path.of(".env.example")));
        while (line.find()) {
            listed.add(line.group(1));
        }

        assertThat(listed).containsAll(read);
        listed.removeAll(COMPOSE_ONLY);
        assertThat(read).containsAll(listed);
        assertThat(read).contains("DATABASE_URL", "AUTH_SECRET", "CRON_SECRET", "GENERATION_CRON", "LOG_FORMAT");
    }

    @Test
    void envExampleHoldsNoRealSecret() throws IOException {
        for (String line : Files.readAllLines(Path.of(".env.example"))) {
            if (line.matches(
                    "^(AUTH_SECRET|CRON_SECRET|POSTGRES_PASSWORD|ADMIN_PASSWORD|DATABASE_PASSWORD|METRICS_TOKEN|ALERT_WEBHOOK_SECRET)=.*")) {
                assertThat(line).as(line).matches("^[A-Z_]+=(replace-with-.*)?$");
            }
        }
    }

    @Test
    void vercelCronCallsTheCronEndpointDailyAtTwo() throws IOException {
        JsonNode cron = JsonMapper.builder().build().readTree(Files.readString(Path.of("vercel-cron.example.json")));

        assertThat(cron.get("crons")).hasSize(1);
        assertThat(cron.get("crons").get(0).get("path").asString()).isEqualTo("/api/cron/generate-lessons");
        assertThat(cron.get("crons").get(0).get("schedule").asString()).isEqualTo("0 2 * * *");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsPostgres17WithAVolumeAndStartsTheServiceWhenTheDatabaseIsHealthy() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> db = (Map<String, Object>) services.get("db");
        Map<String, Object> app = (Map<String, Object>) services.get("app");

        assertThat((String) db.get("image")).isEqualTo("postgres:17");
        String volume = ((List<String>) db.get("volumes")).get(0);
        assertThat(volume).endsWith(":/var/lib/postgresql/data");
        assertThat((Map<String, Object>) compose.get("volumes")).containsKey(volume.substring(0, volume.indexOf(':')));
        assertThat(((Map<String, Object>) db.get("healthcheck")).get("test").toString())
                .contains("pg_isready");
        assertThat(app.get("build")).isEqualTo(".");
        assertThat(app.get("env_file")).isEqualTo(".env");
        assertThat((List<String>) app.get("ports")).containsExactly("8080:8080");
        assertThat((Map<String, Object>) ((Map<String, Object>) app.get("depends_on")).get("db"))
                .containsEntry("condition", "service_healthy");
        Map<String, Object> environment = (Map<String, Object>) app.get("environment");
        assertThat((String) environment.get("DATABASE_URL")).startsWith("jdbc:postgresql://db:5432/");
        assertThat(DatabaseUrl.parse("DATABASE_URL", (String) environment.get("DATABASE_URL"), null, null)
                        .jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:5432/lessons");
    }

    @Test
    void theImageBuildsInTwoStagesRunsAsNonRootAndChecksHealth() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));

        assertThat(Pattern.compile("(?m)^FROM ").matcher(dockerfile).results()).hasSize(2);
        assertThat(dockerfile)
                .contains("FROM eclipse-temurin:17-jdk AS build", "FROM eclipse-temurin:17-jre", "./mvnw")
                .contains("-Djarmode=tools", "extract --layers --launcher")
                .contains("USER lessons", "/actuator/health/readiness", "-XX:MaxRAMPercentage=")
                .contains("org.springframework.boot.loader.launch.JarLauncher");
    }

    /** Variables named in application.properties placeholders, and those the code reads itself. */
    private static Set<String> variablesTheServiceReads() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)")
                .matcher(Files.readString(Path.of("src/main/resources/application.properties")));
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        names.addAll(List.of(
                DatabaseUrl.URL_VARIABLE,
                DatabaseUrl.USERNAME_VARIABLE,
                DatabaseUrl.PASSWORD_VARIABLE,
                AuthSecret.VARIABLE,
                AuthSecret.ALIAS,
                LogFormat.VARIABLE));
        return names;
    }
}
