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
