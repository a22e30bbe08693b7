package com.guitarstudio.lessons.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.guitarstudio.lessons.LessonServiceApplication;
import com.guitarstudio.lessons.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Databases this service did not migrate from scratch with today's files: one whose tables the
 * studio's main app created first (explained at startup, and adoptable), one migrated with V1 as
 * first released.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExistingSchemaTests {

    private DatabaseConnection database;

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            TestDatabase.drop(database);
        }
    }

    @Test
    void tablesWithoutMigrationHistoryAreExplainedAndCanBeAdoptedAsV1(CapturedOutput output) throws Exception {
        database = TestDatabase.createEmptyDatabase();
        // The main app created the shared tables itself, exactly as V1 does.
        execute(Files.readString(Path.of("src/main/resources/db/migration/V1__create_studio_schema.sql")));

        assertThatThrownBy(() -> start())
                .rootCause()
                .isExactlyInstanceOf(FlywayException.class)
                .hasMessageContaining("but no schema history table");
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("no record of this service's migrations")
                .contains("SPRING_FLYWAY_BASELINE_ON_MIGRATE=true and SPRING_FLYWAY_BASELINE_VERSION=1");

        try (ConfigurableApplicationContext adopted =
                start("--spring.flyway.baseline-on-migrate=true", "--spring.flyway.baseline-version=1")) {
            assertThat(adopted.isRunning()).isTrue();
        }
    }

    @Test
    void aDatabaseMigratedWithV1AsReleasedStillStarts() throws Exception {
        database = TestDatabase.createEmptyDatabase();
        start().close();
        execute("update flyway_schema_history set checksum = " + ReleasedMigrationChecksums.V1_RELEASED
                + " where version = '1'");

        try (ConfigurableApplicationContext restarted = start()) {
            assertThat(restarted.isRunning()).isTrue();
        }
        assertThat(v1Checksum()).isEqualTo(ReleasedMigrationChecksums.V1_CURRENT);
    }

    @Test
    void aV1ThatDiffersInAnyOtherWayStillStopsTheStart() throws Exception {
        database = TestDatabase.createEmptyDatabase();
        start().close();
        execute("update flyway_schema_history set checksum = 12345 where version = '1'");

        assertThatThrownBy(this::start).hasRootCauseInstanceOf(FlywayValidateException.class);
        assertThat(v1Checksum()).isEqualTo(12345);
    }

    private int v1Checksum() throws Exception {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet result =
                        statement.executeQuery("select checksum from flyway_schema_history where version = '1'")) {
            result.next();
            return result.getInt(1);
        }
    }

    private ConfigurableApplicationContext start(String... arguments) {
        String[] all = java.util.Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = "--server.port=0";
        return new SpringApplicationBuilder(LessonServiceApplication.class)
                .properties(database.asDataSourceProperties())
                .run(all);
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Connection connect() throws Exception {
        Properties credentials = new Properties();
        if (database.username() != null) {
            credentials.setProperty("user", database.username());
        }
        if (database.password() != null) {
            credentials.setProperty("password", database.password());
        }
        return DriverManager.getConnection(database.jdbcUrl(), credentials);
    }
}
