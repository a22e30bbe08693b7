package com.guitarstudio.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.config.DatabaseConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two replicas of the packaged jar deployed at the same moment on an empty database: Flyway's lock
 * lets one migrate while the other waits, both start and answer, and every migration is applied
 * once.
 */
class TwoReplicasJarTests {

    private DatabaseConnection database;
    private final List<ServiceProcess> replicas = new ArrayList<>();

    @Test
    void twoReplicasStartingTogetherOnAnEmptyDatabaseMigrateItOnceAndBothServe() throws Exception {
        database = TestDatabase.createEmptyDatabase();
        int[] ports = {ServiceProcess.freePort(), ServiceProcess.freePort()};
        for (int port : ports) {
            ProcessBuilder builder = new ProcessBuilder(
                    ServiceProcess.java(), "-jar", ServiceProcess.jar().toString());
            builder.environment().keySet().removeIf(name -> name.startsWith("DATABASE_") || name.startsWith("SPRING_"));
            builder.environment().put("DATABASE_URL", database.jdbcUrl());
            if (database.username() != null) {
                builder.environment().put("DATABASE_USERNAME", database.username());
            }
            if (database.password() != null) {
                builder.environment().put("DATABASE_PASSWORD", database.password());
            }
            builder.environment().put("AUTH_SECRET", "jar-test-secret-of-at-least-32-bytes-long");
            builder.environment().put("PORT", Integer.toString(port));
            replicas.add(ServiceProcess.start(builder));
        }

        CompletableFuture.allOf(
                        CompletableFuture.runAsync(() -> replicas.get(0).awaitAnswering(ports[0], "/actuator/health")),
                        CompletableFuture.runAsync(() -> replicas.get(1).awaitAnswering(ports[1], "/actuator/health")))
                .get(3, TimeUnit.MINUTES);

        JdbcClient jdbc = TestDatabase.jdbc(database);
        assertThat(jdbc.sql(
                                "select version from flyway_schema_history where version is not null order by installed_rank")
                        .query(String.class)
                        .list())
                .as("each migration applied once, in order")
                .isEqualTo(ExecutableJarTests.shippedMigrationVersions());
        assertThat(jdbc.sql("select bool_and(success) from flyway_schema_history")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(replicas.get(0).log() + replicas.get(1).log())
                .as("one replica migrated, the other found the schema up to date")
                .contains("Successfully applied "
                        + ExecutableJarTests.shippedMigrationVersions().size() + " migrations")
                .contains("Schema \"public\" is up to date. No migration necessary.");
    }

    @AfterEach
    void stop() throws Exception {
        for (ServiceProcess replica : replicas) {
            replica.close();
        }
        if (database != null) {
            TestDatabase.drop(database);
        }
    }
}
