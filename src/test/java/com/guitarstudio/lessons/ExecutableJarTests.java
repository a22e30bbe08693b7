package com.guitarstudio.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.config.DatabaseConnection;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
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
    private ServiceProcess service;

    @Test
    void startsMigratesAnEmptyDatabaseAndReportsHealthy() throws Exception {
        database = TestDatabase.createEmptyDatabase();
        String databaseName = TestDatabase.name(database);
        TestDatabase.executeOnServer("create role " + role + " login password '" + PASSWORD + "'");
        TestDatabase.executeOnServer("alter database " + databaseName + " owner to " + role);
        String providerUrl = "postgres://" + role + ":" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "@"
                + hosts(database) + "/" + databaseName;
        int port = ServiceProcess.freePort();

        ProcessBuilder builder = new ProcessBuilder(
                ServiceProcess.java(), "-jar", ServiceProcess.jar().toString());
        builder.environment().keySet().removeIf(name -> name.startsWith("DATABASE_") || name.startsWith("SPRING_"));
        builder.environment().put("DATABASE_URL", providerUrl);
        builder.environment().put("AUTH_SECRET", "jar-test-secret-of-at-least-32-bytes-long");
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("LOG_FORMAT", "json");
        service = ServiceProcess.start(builder);

        service.awaitAnswering(port, "/actuator/health");

        assertThat(migratedVersions(databaseName)).isEqualTo(shippedMigrationVersions());
        String output = service.log();
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
        if (service != null) {
            service.close();
        }
        if (database != null) {
            TestDatabase.drop(database);
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
    static List<String> shippedMigrationVersions() throws IOException {
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

    /** {@code host:port} of a {@code jdbc:postgresql://host:port/db?…} URL. */
    private static String hosts(DatabaseConnection connection) {
        String rest = connection.jdbcUrl().substring("jdbc:postgresql://".length());
        return rest.substring(0, rest.indexOf('/'));
    }
}
