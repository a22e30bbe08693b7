package com.guitarstudio.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.guitarstudio.lessons.config.DatabaseConnection;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar, started as an operator would ({@code java -jar} with only DATABASE_URL in the
 * provider's {@code postgres://} form and AUTH_SECRET, and LOG_FORMAT=json as a log collector
 * wants it), migrates an empty database, reports healthy and writes every log line as JSON. Runs
 * in the integration-test phase, after the jar is built.
 */
class ExecutableJarTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Encoded in the URL as a hosting provider would: '@', '/' and ':' must survive. */
    private static final String PASSWORD = "p@ss/w:rd";

    private final String role =
            "lessons_jar_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
    private DatabaseConnection database;
    private Process process;

    @Test
    void startsMigratesAnEmptyDatabaseAndReportsHealthy() throws Exception {
        database = TestDatabase.createEmptyDatabase();
        String databaseName = databaseName(database);
        TestDatabase.executeOnServer("create role " + role + " login password '" + PASSWORD + "'");
        TestDatabase.executeOnServer("alter database " + databaseName + " owner to " + role);
        String providerUrl = "postgres://" + role + ":" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "@"
                + hosts(database) + "/" + databaseName;
        int port = freePort();
        Path log = Files.createTempFile("lesson-service-jar", ".log");

        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DATABASE_") || name.startsWith("SPRING_"));
        builder.environment().put("DATABASE_URL", providerUrl);
        builder.environment().put("AUTH_SECRET", "jar-test-secret-of-at-least-32-bytes-long");
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("LOG_FORMAT", "json");
        process = builder.start();

        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .build();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .failFast("the application exited; its log: " + log, () -> !process.isAlive())
                .untilAsserted(() -> assertThat(http.send(health, HttpResponse.BodyHandlers.ofString())
                                .statusCode())
                        .isEqualTo(200));

        assertThat(migratedVersions(databaseName)).isEqualTo(shippedMigrationVersions());
        String output = Files.readString(log);
        assertThat(output).doesNotContain(PASSWORD).doesNotContain("p%40ss");
        assertThat(output.lines()).isNotEmpty().allSatisfy(line -> {
            JsonNode entry = JSON.readTree(line);
            assertThat(entry.isObject()).as(line).isTrue();
            assertThat(entry.has("@timestamp") && entry.has("message")).as(line).isTrue();
        });
        assertThat(output).contains("Started LessonServiceApplication");
    }

    @AfterEach
    void stopAndCleanUp() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (database != null) {
            TestDatabase.executeOnServer("drop database if exists " + databaseName(database) + " with (force)");
        }
        TestDatabase.executeOnServer("drop role if exists " + role);
    }

    private List<String> migratedVersions(String databaseName) throws Exception {
        Properties credentials = new Properties();
        credentials.setProperty("user", role);
        credentials.setProperty("password", PASSWORD);
        List<String> versions = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), credentials);
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery(
                                "select version from flyway_schema_history where success order by installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }

    /** The versions of the Flyway migrations in the build, in order. */
    private static List<String> shippedMigrationVersions() throws IOException {
        Resource[] migrations =
                new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql");
        List<String> versions = new ArrayList<>();
        for (Resource migration : migrations) {
            String name = migration.getFilename();
            versions.add(name.substring(1, name.indexOf("__")));
        }
        versions.sort(java.util.Comparator.comparingInt(Integer::parseInt));
        assertThat(versions).isNotEmpty();
        return versions;
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("application.jar", "target/lesson-service.jar"));
        assertThat(jar)
                .as("packaged application (run in the integration-test phase)")
                .exists();
        return jar;
    }

    /** {@code host:port} of a {@code jdbc:postgresql://host:port/db?…} URL. */
    private static String hosts(DatabaseConnection connection) {
        String rest = connection.jdbcUrl().substring("jdbc:postgresql://".length());
        return rest.substring(0, rest.indexOf('/'));
    }

    private static String databaseName(DatabaseConnection connection) {
        String rest = connection.jdbcUrl().substring("jdbc:postgresql://".length());
        String path = rest.substring(rest.indexOf('/') + 1);
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
