package com.guitarstudio.lessons;

import com.guitarstudio.lessons.studio.DemoData;
import java.time.Clock;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
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
    ApplicationRunner seedDemoData(DemoData demoData, Environment environment) {
        return arguments -> {
            demoData.seed(Clock.systemUTC().instant());
            System.out.print(welcome(
                    environment.getRequiredProperty("local.server.port", Integer.class),
                    environment.getRequiredProperty("app.cron.secret")));
        };
    }

    /**
     * What the developer needs to try the service, on the console: where it is, a public demo login
     * and this session's cron secret with a curl line for the cron endpoint; the database and the
     * secrets are gone when the launcher stops.
     */
    static String welcome(int port, String cronSecret) {
        String base = "http://localhost:" + port;
        return """

                Demo studio ready at %1$s/
                  Sign in as %2$s with password %3$s
                  Cron secret of this session: %4$s
                  Run the cron endpoint:  curl -H "Authorization: Bearer %4$s" %1$s/api/cron/generate-lessons
                  API description:       %1$s/swagger-ui.html (signed in as the admin)
                The demo database and both secrets are thrown away when this stops.

                """.formatted(base, DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD, cronSecret);
    }
}
