package com.guitarstudio.lessons;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every integration test runs with, on top of the application: the test database, a clock the
 * test moves, a ticker it may move on, the run gate, the studio fixtures and a statement counter. One configuration (and
 * {@link IntegrationTest}, which adds the test settings) so Spring's context cache starts the
 * application once for the whole suite.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(TestDatabaseConfiguration.class)
public class IntegrationTestConfiguration {

    /** Monday 2027-03-01 12:00 UTC, a week before Chicago's change to daylight saving time. */
    public static final Instant START = Instant.parse("2027-03-01T12:00:00Z");

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(START);
    }

    @Bean
    @Primary
    MutableTicker testTicker() {
        return new MutableTicker();
    }

    @Bean
    RunGate runGate() {
        return new RunGate();
    }

    @Bean
    StudioFixtures studioFixtures(JdbcClient jdbc) {
        return new StudioFixtures(jdbc);
    }

    @Bean
    static StatementCounter statementCounter() {
        return new StatementCounter();
    }
}
