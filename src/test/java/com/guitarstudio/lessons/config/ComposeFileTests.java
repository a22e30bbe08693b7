package com.guitarstudio.lessons.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Docker Compose itself reads docker-compose.yml with a .env made from .env.example, as a deployer
 * does (`docker compose config`: no engine needed). Debian ships Compose as {@code docker-compose},
 * which {@code .ci/run} installs; missing, the tests are skipped, except in CI where they fail.
 */
class ComposeFileTests {

    @TempDir
    Path project;

    private List<String> compose;

    @BeforeEach
    void copyTheDeployersFiles() throws IOException {
        compose = composeCommand();
        Files.copy(Path.of("docker-compose.yml"), project.resolve("docker-compose.yml"));
        Files.copy(Path.of("Dockerfile"), project.resolve("Dockerfile"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeAcceptsTheFileWithAnEnvMadeFromTheExample() throws Exception {
        Files.copy(Path.of(".env.example"), project.resolve(".env"));

        Result config = run("config");

        assertThat(config.status()).as(config.output()).isZero();
        Map<String, Object> resolved = new Yaml().load(config.output());
        Map<String, Object> services = (Map<String, Object>) resolved.get("services");
        assertThat(services).containsOnlyKeys("app", "db");
        Map<String, Object> app = (Map<String, Object>) services.get("app");
        Map<String, Object> environment = (Map<String, Object>) app.get("environment");
        assertThat(environment)
                .containsEntry("DATABASE_URL", "jdbc:postgresql://db:5432/lessons")
                .containsEntry("DATABASE_USERNAME", "lessons")
                .containsEntry("DATABASE_PASSWORD", "replace-with-output-of-openssl-rand-base64-32")
                .containsKeys("AUTH_SECRET", "CRON_SECRET", "ALERT_WEBHOOK_URL", "METRICS_TOKEN");
        assertThat(app.get("depends_on").toString()).contains("service_healthy");
    }

    @Test
    void composeRefusesToStartWithoutAPostgresPassword() throws Exception {
        Files.writeString(project.resolve(".env"), "AUTH_SECRET=x\n");

        Result config = run("config");

        assertThat(config.status()).isNotZero();
        assertThat(config.output()).contains("set POSTGRES_PASSWORD in .env");
    }

    private record Result(int status, String output) {}

    private Result run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
        builder.environment()
                .keySet()
                .removeIf(name -> name.equals("POSTGRES_PASSWORD") || name.startsWith("COMPOSE_"));
        Path output = Files.createTempFile(project, "compose", ".out");
        Process process = builder.redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("compose did not finish within 120 s");
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** {@code docker compose} where the plugin is installed, else Debian's {@code docker-compose}. */
    private static List<String> composeCommand() {
        if (works(List.of("docker", "compose", "version"))) {
            return List.of("docker", "compose");
        }
        if (works(List.of("docker-compose", "version"))) {
            return List.of("docker-compose");
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(
                    "Docker Compose is missing (Debian package docker-compose); .ci/run installs it");
        }
        Assumptions.abort("Docker Compose is not installed here (apt-get install docker-compose)");
        return List.of();
    }

    private static boolean works(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
