package com.guitarstudio.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With nothing exported, the tests (and the dev launcher) still find a PostgreSQL, and say in one
 * line which option they took. Checked in a JVM of its own, whose environment has no
 * TEST_DATABASE_URL; as root without a Docker engine (a CI machine) that is the server running on
 * this machine.
 */
class TestDatabaseTests {

    /**
     * The child's program, run from source (a main class among the tests would confuse {@code
     * spring-boot:test-run}, which looks for the one main class there).
     */
    private static final String PROBE = """
            public class Probe {
                public static void main(String[] args) {
                    System.out.println("fresh database " + com.guitarstudio.lessons.TestDatabase.connection().jdbcUrl());
                }
            }
            """;

    @TempDir
    Path source;

    @Test
    void withNothingExportedAServerIsFoundAndNamed() throws Exception {
        Path probe = Files.writeString(source.resolve("Probe.java"), PROBE);
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        probe.toString())
                .redirectErrorStream(true);
        builder.environment().remove(TestDatabase.URL_VARIABLE);

        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);

        assertThat(exited).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("Using (the PostgreSQL server|PostgreSQL in|embedded PostgreSQL)");
        assertThat(output).as("no ERROR line, whichever database is found").doesNotContain("ERROR");
        assertThat(output).contains("fresh database jdbc:postgresql://");
        if (isRoot() && !output.contains("Testcontainers")) {
            assertThat(output).contains("Using the PostgreSQL server running on this machine");
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
