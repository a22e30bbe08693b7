package com.guitarstudio.lessons;

import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;

/**
 * The dev launcher, {@code ./mvnw spring-boot:test-run}: the application on a throwaway PostgreSQL
 * (found like the tests' one) filled with demo data. It does not go through {@code
 * LessonServiceApplication.main}, which insists on DATABASE_URL.
 */
public class TestApplication {

    public static void main(String[] args) {
        // The tests' settings turn the startup catch-up off; the demo studio wants its lessons at once.
        String[] arguments = Stream.concat(Stream.of("--app.generation.catch-up-on-startup=true"), Stream.of(args))
                .toArray(String[]::new);
        new SpringApplication(LessonServiceApplication.class, DevLauncherConfiguration.class).run(arguments);
    }
}
