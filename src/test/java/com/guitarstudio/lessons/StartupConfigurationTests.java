package com.guitarstudio.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An operator who starts the service without a usable DATABASE_URL gets one line on stderr that
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
    void refusesToStartWithOneLineNamingTheVariable(String databaseUrl, String expected) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LessonServiceApplication.class.getName());
        Map<String, String> environment = builder.environment();
        environment.remove("DATABASE_URL");
        environment.remove("DATABASE_USERNAME");
        environment.remove("DATABASE_PASSWORD");
        if (!databaseUrl.isEmpty()) {
            environment.put("DATABASE_URL", databaseUrl);
        }

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
        assertThat(stderr)
                .startsWith("lesson-service cannot start: " + expected)
                .contains("for example postgres://user:password@db.example.com:5432/studio")
                .doesNotContain("secret");
    }

    private static String read(java.io.InputStream stream) throws IOException {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }
}
