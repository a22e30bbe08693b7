package com.guitarstudio.lessons;

import com.guitarstudio.lessons.studio.DemoData;
import java.time.Clock;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What {@code ./mvnw spring-boot:test-run} adds to the application: a throwaway database with demo data. */
@TestConfiguration(proxyBeanMethods = false)
@Import({TestDatabaseConfiguration.class, DemoData.class})
class DevLauncherConfiguration {

    @Bean
    StudioFixtures studioFixtures(JdbcClient jdbc) {
        return new StudioFixtures(jdbc);
    }

    @Bean
    ApplicationRunner seedDemoData(DemoData demoData) {
        return arguments -> {
            demoData.seed(Clock.systemUTC().instant());
            // Console output for the developer: a public demo login on a database dropped at exit.
            System.out.printf(
                    "%nDemo studio ready. Sign in as %s with password %s%n%n",
                    DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
        };
    }
}
