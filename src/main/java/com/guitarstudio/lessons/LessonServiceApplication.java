package com.guitarstudio.lessons;

import com.guitarstudio.lessons.config.DatabaseConnection;
import com.guitarstudio.lessons.config.DatabaseUrl;
import com.guitarstudio.lessons.config.InvalidEnvironment;
import com.guitarstudio.lessons.security.AuthSecret;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LessonServiceApplication {

    public static void main(String[] args) {
        Map<String, String> environment = System.getenv();
        DatabaseConnection database;
        try {
            database = DatabaseUrl.fromEnvironment(environment);
            AuthSecret.requireInEnvironment(environment);
        } catch (InvalidEnvironment e) {
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
