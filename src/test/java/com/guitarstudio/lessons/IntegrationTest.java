package com.guitarstudio.lessons;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port over the test database, with {@link
 * IntegrationTestConfiguration}. Every integration test uses exactly these settings, so they all
 * share one cached application context; a test that needs other settings starts its own instance
 * with {@link AppInstances}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "app.cron.secret=" + IntegrationTest.CRON_SECRET,
            "app.metrics.token=" + IntegrationTest.METRICS_TOKEN,
            "app.generation.teachers-per-chunk=" + IntegrationTest.TEACHERS_PER_CHUNK
        })
@Import(IntegrationTestConfiguration.class)
public @interface IntegrationTest {

    /** The CRON_SECRET of the tests' application. */
    String CRON_SECRET = "integration-test-cron-secret";

    /** The METRICS_TOKEN of the tests' application. */
    String METRICS_TOKEN = "integration-test-metrics-token-0123456789";

    /** Small chunks, so a handful of teachers already spans several. */
    int TEACHERS_PER_CHUNK = 3;
}
