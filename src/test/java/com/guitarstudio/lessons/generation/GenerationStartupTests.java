package com.guitarstudio.lessons.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.guitarstudio.lessons.AppInstances;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestDatabase;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.support.SimpleTriggerContext;

/** What happens when an instance starts: dead runs are closed, a missed day is caught up, the schedule is set. */
class GenerationStartupTests {

    private final AppInstances instances = new AppInstances();
    private JdbcClient jdbc;
    private StudioFixtures studio;

    @BeforeEach
    void emptyStudio() {
        jdbc = TestDatabase.jdbc();
        studio = new StudioFixtures(jdbc);
        studio.empty();
    }

    @AfterEach
    void stopInstances() {
        instances.close();
    }

    @Test
    void startingAfterADayWithoutSuccessClosesDeadRunsAndCatchesUp() {
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        UUID dead = studio.jobLogRow("RUNNING", IntegrationTestConfiguration.START.minus(Duration.ofHours(30)));

        start("--app.generation.catch-up-on-startup=true");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from job_log where trigger = 'STARTUP' and status = 'SUCCESS'")
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(jdbc.sql("select status from job_log where id = ?")
                        .param(dead)
                        .query(String.class)
                        .single())
                .isEqualTo("ABANDONED");
        assertThat(jdbc.sql("select count(*) from lesson").query(Long.class).single())
                .isEqualTo(12);
    }

    @Test
    void noCatchUpWhenARunSucceededWithinADay() {
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        studio.jobLogRow("SUCCESS", IntegrationTestConfiguration.START.minus(Duration.ofHours(23)));

        ConfigurableApplicationContext instance = start("--app.generation.catch-up-on-startup=true");

        // the decision is made before the application is ready: nothing was started, so nothing can
        // still be on its way
        assertThat(submittedTasks(instance)).isZero();
        assertThat(jdbc.sql("select count(*) from job_log where trigger = 'STARTUP'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(studio.lessonCount()).isZero();
    }

    @Test
    void noCatchUpWithoutActiveSlots() {
        ConfigurableApplicationContext instance = start("--app.generation.catch-up-on-startup=true");

        assertThat(submittedTasks(instance)).isZero();
        assertThat(jdbc.sql("select count(*) from job_log").query(Long.class).single())
                .isZero();
    }

    @Test
    void theScheduleFollowsGenerationCronInGenerationZone() {
        ConfigurableApplicationContext instance = start(
                "--app.generation.schedule-enabled=true",
                "--app.generation.cron=0 30 3 * * *",
                "--app.generation.zone=Australia/Sydney");

        CronTask task = instance.getBean(ScheduledTaskHolder.class).getScheduledTasks().stream()
                .map(ScheduledTask::getTask)
                .filter(CronTask.class::isInstance)
                .map(CronTask.class::cast)
                .findFirst()
                .orElseThrow();
        SimpleTriggerContext january10 =
                new SimpleTriggerContext(Clock.fixed(Instant.parse("2027-01-10T00:00:00Z"), ZoneOffset.UTC));

        assertThat(task.getExpression()).isEqualTo("0 30 3 * * *");
        // 03:30 in Sydney (daylight saving, +11:00) on 2027-01-11 local = 16:30 UTC on the 10th
        assertThat(task.getTrigger().nextExecution(january10)).isEqualTo(Instant.parse("2027-01-10T16:30:00Z"));
    }

    @Test
    void noScheduleWhenDisabled() {
        ConfigurableApplicationContext instance = start("--app.generation.schedule-enabled=false");

        assertThat(instance.getBeansOfType(ScheduledTaskHolder.class).values())
                .allSatisfy(holder -> assertThat(holder.getScheduledTasks()).isEmpty());
    }

    private ConfigurableApplicationContext start(String... arguments) {
        return instances.start(arguments);
    }

    private static long submittedTasks(ConfigurableApplicationContext instance) {
        return instance.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class)
                .getThreadPoolExecutor()
                .getTaskCount();
    }
}
