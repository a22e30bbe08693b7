package com.guitarstudio.lessons.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.AppInstances;
import com.guitarstudio.lessons.ConcurrentTriggers;
import com.guitarstudio.lessons.RunGate;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Several instances of the service on one database: still one run at a time, never a duplicate. */
class TwoInstancesTests {

    private final AppInstances instances = new AppInstances();

    @AfterEach
    void stopInstances() {
        RunGate.releaseRuns();
        instances.close();
    }

    @Test
    void twoInstancesTriggeredTogetherMakeOneRunAndNoDuplicate() throws Exception {
        ConfigurableApplicationContext first = startInstance();
        ConfigurableApplicationContext second = startInstance();
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        StudioFixtures studio = new StudioFixtures(jdbc);
        studio.empty();
        studio.bulk("two", 30, 4);
        int expected = first.getBean(LessonGenerationService.class).preview().lessonsToGenerate();

        List<GenerationResult> results = ConcurrentTriggers.fire(
                8,
                List.of(first.getBean(LessonGenerationService.class), second.getBean(LessonGenerationService.class)));

        assertThat(results).filteredOn(r -> r.status() == JobStatus.SUCCESS).hasSize(1);
        assertThat(results).filteredOn(r -> r.status() == JobStatus.SKIPPED).hasSize(7);
        assertThat(LessonGenerationServiceTests.duplicateLessons(jdbc)).isZero();
        assertThat(jdbc.sql("select count(*) from lesson").query(Long.class).single())
                .isEqualTo(results.stream()
                        .mapToInt(GenerationResult::lessonsGenerated)
                        .sum())
                .isEqualTo(expected);
    }

    @Test
    void whenTheDatabaseIsGoneTheRunFailsWithAReasonInsteadOfThrowing() throws SQLException {
        ConfigurableApplicationContext instance = startInstance();
        pool(instance).close();

        GenerationResult result =
                instance.getBean(LessonGenerationService.class).run(JobTrigger.CRON, "curl/8");

        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.success()).isFalse();
        assertThat(result.errors()).singleElement().asString().startsWith("Run failed: ");
        assertThat(result.jobLogId()).isNull();
    }

    private ConfigurableApplicationContext startInstance() {
        return instances.start();
    }

    /** The connection pool (the tests' statement counter wraps it). */
    private static HikariDataSource pool(ConfigurableApplicationContext instance) throws SQLException {
        return instance.getBean(DataSource.class).unwrap(HikariDataSource.class);
    }
}
