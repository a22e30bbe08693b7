package com.guitarstudio.lessons;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;

/**
 * The dev launcher, {@code ./mvnw spring-boot:test-run}: the application on a throwaway PostgreSQL
 * (found like the tests' one) filled with demo data. It does not go through {@code
 * LessonServiceApplication.main}, which insists on DATABASE_URL and AUTH_SECRET: it makes a fresh
 * signing secret for the session instead, so no secret has to be configured to try the service.
 */
public class TestApplication {

    public static void main(String[] args) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        System.out.println("Dev launcher: signing tokens with a random AUTH_SECRET generated for this session;"
                + " tokens stop working when it ends.");
        String[] arguments = Stream.concat(
                        Stream.of(
                                // the tests' settings turn the startup catch-up off; the demo wants lessons at once
                                "--app.generation.catch-up-on-startup=true",
                                "--app.auth.secret=" + Base64.getEncoder().encodeToString(secret)),
                        Stream.of(args))
                .toArray(String[]::new);
        new SpringApplication(LessonServiceApplication.class, DevLauncherConfiguration.class).run(arguments);
    }
}
