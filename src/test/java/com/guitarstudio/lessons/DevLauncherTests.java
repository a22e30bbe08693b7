package com.guitarstudio.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mvnw spring-boot:test-run} starts the one class with a main method among the compiled
 * tests; a second one stops it with "Unable to find a single main class".
 */
class DevLauncherTests {

    @Test
    void theDevLauncherIsTheOnlyMainClassOfTheTests() throws IOException, URISyntaxException {
        Path classes = Path.of(TestApplication.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<String> mains;
        try (Stream<Path> files = Files.walk(classes)) {
            mains = files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file)
                            .toString()
                            .replace('/', '.')
                            .replaceAll("\\.class$", ""))
                    .filter(DevLauncherTests::hasMain)
                    .toList();
        }

        assertThat(mains).containsExactly(TestApplication.class.getName());
    }

    /**
     * What the launcher prints is what the README shows a newcomer: the address, the login, the
     * session's cron secret and a curl line that works as printed.
     */
    @Test
    void theReadmeShowsWhatTheLauncherPrints() throws IOException {
        String printed = DevLauncherConfiguration.welcome(8080, "<secret>");

        assertThat(printed)
                .contains("http://localhost:8080/\n")
                .contains("curl -H \"Authorization: Bearer <secret>\" http://localhost:8080/api/cron/generate-lessons");
        assertThat(Files.readString(Path.of("README.md"))).contains(printed.strip());
    }

    private static boolean hasMain(String className) {
        try {
            Method main = Class.forName(className, false, DevLauncherTests.class.getClassLoader())
                    .getDeclaredMethod("main", String[].class);
            return Modifier.isStatic(main.getModifiers()) && Modifier.isPublic(main.getModifiers());
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            return false;
        }
    }
}
