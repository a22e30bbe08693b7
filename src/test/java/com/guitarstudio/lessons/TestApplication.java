package com.guitarstudio.lessons;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;

/**
 * The dev launcher, {@code ./mvnw spring-boot:test-run}: the application on a throwaway PostgreSQL
 * (found like the tests' one) filled with demo data. It does not go through {@code
 * LessonServiceApplication.main}, which insists on DATABASE_URL and AUTH_SECRET: it makes a fresh
 * signing secret and cron secret for the session instead, so no secret has to be configured to try
 * the service (both are gone when it stops).
 */
public class TestApplication {

    public static void main(String[] args) {
        String[] arguments = Stream.concat(
                        Stream.of(
                                // the tests' settings turn the startup catch-up off; the demo wants lessons at once
                                "--app.generation.catch-up-on-startup=true",
                                "--app.auth.secret=" + randomSecret(),
                                "--app.cron.secret=" + randomSecret()),
                        Stream.of(args))
                .toArray(String[]::new);
        new SpringApplication(LessonServiceApplication.class, DevLauncherConfiguration.class).run(arguments);
    }

    /** 32 random bytes in URL-safe Base64: usable in a header and a shell line as they are. */
    private static String randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
