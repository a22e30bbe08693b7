package com.guitarstudio.lessons;

import ch.qos.logback.classic.Level;
import com.guitarstudio.lessons.config.DatabaseConnection;
import com.guitarstudio.lessons.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL that tests and the dev launcher use, found in this order (README, Quick start):
 *
 * <ol>
 *   <li>{@code TEST_DATABASE_URL}: a server where the user may create databases;
 *   <li>a Docker engine: Testcontainers starts {@code postgres:17-alpine};
 *   <li>embedded PostgreSQL (zonky), which PostgreSQL itself refuses to run as root;
 *   <li>a PostgreSQL already running on {@code localhost:5432} where {@code postgres} signs in without
 *       a password (trust authentication), so that on a machine with a PostgreSQL server, no Docker
 *       and only root, the README's two commands work with nothing exported.
 * </ol>
 *
 * <p>One log line says which was taken.
 *
 * <p>On whichever server is found, each JVM (a test run, a dev launcher session) gets a fresh,
 * uniquely named database that is dropped when the JVM exits. Databases left behind by a killed
 * run are dropped by the next run once they are a day old.
 */
public final class TestDatabase {

    public static final String URL_VARIABLE = "TEST_DATABASE_URL";
    /** The fourth option: a server already running on this machine. */
    static final String LOCAL_SERVER = "jdbc:postgresql://localhost:5432/postgres";

    static final String NAME_PREFIX = "lessons_test_";
    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

    private static DatabaseConnection server;
    private static DatabaseConnection database;
    private static IllegalStateException failure;
    private static boolean migrated;

    private TestDatabase() {}

    /** The fresh database of this JVM, created on first use. */
    public static synchronized DatabaseConnection connection() {
        if (failure != null) {
            throw failure;
        }
        if (database == null) {
            try {
                server = findServer();
                database = createDatabase();
            } catch (IllegalStateException e) {
                failure = e;
                throw e;
            }
        }
        return database;
    }

    /**
     * The database of {@link #connection()}, migrated, for tests that set up data before they start
     * instances of the service themselves (no application context needed for that).
     */
    public static synchronized JdbcClient jdbc() {
        DatabaseConnection database = connection();
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
        if (!migrated) {
            migrate(dataSource, "latest");
            migrated = true;
        }
        return JdbcClient.create(dataSource);
    }

    /** Migrates {@code dataSource} up to {@code target} ("latest", or a version), as the application configures Flyway. */
    public static void migrate(DataSource dataSource, String target) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target(target)
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .load()
                .migrate();
    }

    /** Plain connections to {@code database} (one made by {@link #createEmptyDatabase()}, say), no pool. */
    public static JdbcClient jdbc(DatabaseConnection database) {
        return JdbcClient.create(dataSource(database));
    }

    /** The same plain connections, for {@link #migrate} and for tests that need a {@link DataSource}. */
    public static DataSource dataSource(DatabaseConnection database) {
        return new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
    }

    /**
     * Another fresh database on the same server, empty (not migrated), dropped when the JVM exits;
     * for tests that start the application in a process of its own.
     */
    public static synchronized DatabaseConnection createEmptyDatabase() {
        connection();
        return createDatabase();
    }

    /** The name of the database a connection points at. */
    public static String name(DatabaseConnection database) {
        String url = database.jdbcUrl();
        return url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
    }

    /** Drops a database made by {@link #createEmptyDatabase()} (now rather than at exit). */
    public static void drop(DatabaseConnection database) {
        executeOnServer("drop database if exists " + name(database) + " with (force)");
    }

    /** Runs SQL as the server's administrative user (creating roles, databases). */
    public static synchronized void executeOnServer(String sql) {
        connection();
        try (Connection connection = connect(server);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run on the test server: " + sql, e);
        }
    }

    private static DatabaseConnection findServer() {
        List<String> tried = new ArrayList<>();
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            DatabaseConnection fromUrl = DatabaseUrl.parse(URL_VARIABLE, url, null, null);
            log.info("Using the PostgreSQL server of {} for a throwaway database", URL_VARIABLE);
            return fromUrl;
        }
        tried.add(URL_VARIABLE + " is not set");

        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-database-container"));
            log.info("Using PostgreSQL in a Testcontainers container for a throwaway database");
            return new DatabaseConnection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        tried.add("no Docker engine answers");

        if ("root".equals(System.getProperty("user.name"))) {
            tried.add("embedded PostgreSQL cannot run as root");
        } else {
            try {
                EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(() -> closeQuietly(embedded), "test-database-embedded"));
                log.info("Using embedded PostgreSQL for a throwaway database");
                return new DatabaseConnection(embedded.getJdbcUrl("postgres", "postgres"), "postgres", null);
            } catch (Exception e) {
                tried.add("embedded PostgreSQL did not start (" + e.getMessage() + ")");
            }
        }
        DatabaseConnection local = new DatabaseConnection(LOCAL_SERVER, "postgres", null);
        try (Connection connection = connect(local)) {
            log.info(
                    "Using the PostgreSQL server running on this machine ({} as postgres, no password) for a"
                            + " throwaway database",
                    LOCAL_SERVER);
            return local;
        } catch (SQLException e) {
            tried.add(
                    "no PostgreSQL answers on localhost:5432 as postgres without a password (" + e.getMessage() + ")");
        }
        throw new IllegalStateException("No PostgreSQL for the tests. Give one of: " + URL_VARIABLE
                + "=jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres (a server where that user may create"
                + " databases), a running Docker engine (Testcontainers), a non-root user (embedded PostgreSQL),"
                + " or a PostgreSQL on localhost:5432 where the user postgres signs in without a password."
                + " Tried: " + String.join("; ", tried) + ".");
    }

    private static DatabaseConnection createDatabase() {
        dropDatabasesLeftBehind();
        String name = NAME_PREFIX + Instant.now().getEpochSecond() + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        execute(server, "create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(name), "test-database-drop"));
        log.info("Created test database {}", name);
        return server.withDatabase(name);
    }

    private static void dropDatabasesLeftBehind() {
        long dayAgo = Instant.now().minus(Duration.ofDays(1)).getEpochSecond();
        List<String> stale = new ArrayList<>();
        try (Connection connection = connect(server);
                Statement statement = connection.createStatement();
                ResultSet names = statement.executeQuery(
                        "select datname from pg_database where datname like '" + NAME_PREFIX + "%'")) {
            while (names.next()) {
                String name = names.getString(1);
                String[] parts = name.substring(NAME_PREFIX.length()).split("_");
                if (parts[0].matches("\\d+") && Long.parseLong(parts[0]) < dayAgo) {
                    stale.add(name);
                }
            }
        } catch (SQLException e) {
            throw unreachable(e);
        }
        stale.forEach(TestDatabase::dropQuietly);
    }

    private static void dropQuietly(String name) {
        try {
            execute(server, "drop database if exists " + name + " with (force)");
        } catch (IllegalStateException e) {
            log.warn("Could not drop test database {}: {}", name, e.getMessage());
        }
    }

    private static void execute(DatabaseConnection target, String sql) {
        try (Connection connection = connect(target);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    private static Connection connect(DatabaseConnection target) throws SQLException {
        Properties properties = new Properties();
        if (target.username() != null) {
            properties.setProperty("user", target.username());
        }
        if (target.password() != null) {
            properties.setProperty("password", target.password());
        }
        return DriverManager.getConnection(target.jdbcUrl(), properties);
    }

    private static IllegalStateException unreachable(SQLException e) {
        return new IllegalStateException(
                "The test PostgreSQL server at " + server.jdbcUrl() + " failed: " + e.getMessage(), e);
    }

    /**
     * Whether a Docker engine answers. Testcontainers logs each strategy it tried at ERROR when none
     * does, which reads as a failure to someone who has no Docker and needs none; its loggers are
     * silenced while it looks, and the one line about the database found says what happened.
     */
    private static boolean dockerAvailable() {
        ch.qos.logback.classic.Logger testcontainers =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.testcontainers");
        Level level = testcontainers.getLevel();
        testcontainers.setLevel(Level.OFF);
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        } finally {
            testcontainers.setLevel(level);
        }
    }

    private static void closeQuietly(EmbeddedPostgres embedded) {
        try {
            embedded.close();
        } catch (Exception e) {
            log.warn("Could not stop embedded PostgreSQL: {}", e.getMessage());
        }
    }
}
