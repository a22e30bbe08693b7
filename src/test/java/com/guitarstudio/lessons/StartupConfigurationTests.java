package com.guitarstudio.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An operator who starts the service without a usable DATABASE_URL or AUTH_SECRET gets one line on stderr that
 * names the variable and shows a valid value, and the process exits with status 1 at once: checked
 * in a JVM of its own, the way the service is really started.
 */
class StartupConfigurationTests {

    @ParameterizedTest(name = "DATABASE_URL={0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                                   | DATABASE_URL is not set
            mysql://app:secret@localhost/studio  | DATABASE_URL is not a valid PostgreSQL URL: it must start with postgres://
            postgres://app:secret@localhost:x/db | DATABASE_URL is not a valid PostgreSQL URL: the port 'x' is not a number
            """)
    void refusesToStartWithOneLineNamingTheDatabaseVariable(String databaseUrl, String expected) throws Exception {
        String stderr = startExpectingExit(databaseUrl.isEmpty() ? Map.of() : Map.of("DATABASE_URL", databaseUrl));

        assertThat(stderr)
                .startsWith("lesson-service cannot start: " + expected)
                .contains("for example postgres://user:password@db.example.com:5432/studio")
                .doesNotContain("secret");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            AUTH_SECRET=                          | AUTH_SECRET is not set: set it to a random secret of at least 32 bytes
            AUTH_SECRET=too-short-secret          | AUTH_SECRET is too short (16 bytes): set it to a random secret of at least 32 bytes
            NEXTAUTH_SECRET=also-too-short        | NEXTAUTH_SECRET is too short (14 bytes)
            """)
    void refusesToStartWithoutAStrongSigningSecret(String variable, String expected) throws Exception {
        String name = variable.substring(0, variable.indexOf('='));
        String value = variable.substring(variable.indexOf('=') + 1);
        Map<String, String> environment = new HashMap<>();
        environment.put("DATABASE_URL", "postgres://app:pw@localhost:5432/studio");
        if (!value.isEmpty()) {
            environment.put(name, value);
        }

        String stderr = startExpectingExit(environment);

        assertThat(stderr)
                .startsWith("lesson-service cannot start: " + expected)
                .contains("openssl rand -base64 32")
                .doesNotContain(value.isEmpty() ? "\u0000" : value);
    }

    /** Starts the service in a JVM of its own with only {@code variables} set; returns its one line of stderr. */
    private static String startExpectingExit(Map<String, String> variables) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LessonServiceApplication.class.getName());
        builder.environment()
                .keySet()
                .removeIf(name ->
                        name.startsWith("DATABASE_") || name.equals("AUTH_SECRET") || name.equals("NEXTAUTH_SECRET"));
        builder.environment().putAll(variables);

        Process process = builder.start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }

        assertThat(exited).as("exited").isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(read(process.getInputStream())).isEmpty();
        String stderr = read(process.getErrorStream());
        assertThat(stderr.lines()).hasSize(1);
        return stderr;
    }

    private static String read(java.io.InputStream stream) throws IOException {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }
}
