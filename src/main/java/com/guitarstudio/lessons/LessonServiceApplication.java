package com.guitarstudio.lessons;

import com.guitarstudio.lessons.config.DatabaseConnection;
import com.guitarstudio.lessons.config.DatabaseUrl;
import com.guitarstudio.lessons.config.InvalidDatabaseUrl;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LessonServiceApplication {

    public static void main(String[] args) {
        DatabaseConnection database;
        try {
            database = DatabaseUrl.fromEnvironment(System.getenv());
        } catch (InvalidDatabaseUrl e) {
            // Before Spring starts there is no logging yet, and an operator needs one line, not a stack trace.
            System.err.println("lesson-service cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        SpringApplication application = new SpringApplication(LessonServiceApplication.class);
        // Default properties: an explicit spring.datasource.* setting, if any, still wins.
        application.setDefaultProperties(database.asDataSourceProperties());
        application.run(args);
    }
}
