package com.guitarstudio.lessons;

import org.springframework.boot.SpringApplication;

/**
 * The dev launcher, {@code ./mvnw spring-boot:test-run}: the application on a throwaway PostgreSQL
 * (found like the tests' one) filled with demo data. It does not go through {@code
 * LessonServiceApplication.main}, which insists on DATABASE_URL.
 */
public class TestApplication {

    public static void main(String[] args) {
        new SpringApplication(LessonServiceApplication.class, DevLauncherConfiguration.class).run(args);
    }
}
