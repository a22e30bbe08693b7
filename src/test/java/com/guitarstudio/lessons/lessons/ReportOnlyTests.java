package com.guitarstudio.lessons.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.AppInstances;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.generation.GenerationPreview;
import com.guitarstudio.lessons.generation.GenerationResult;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.health.HealthReports;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With GENERATION_RECONCILE=false a run changes no lesson it wrote earlier, whatever became of their
 * slot; the preview says what reconciling would change. The variables are set as an operator sets
 * them.
 */
class ReportOnlyTests {

    /** Every column of every lesson, in one line. */
    private static final String LESSONS = """
            select count(*) || ' ' || coalesce(md5(string_agg(l::text, ',' order by l.id)), '-') from lesson l
            """;

    private final AppInstances instances = new AppInstances();
    private LessonGenerationService generation;
    private JdbcClient jdbc;
    private StudioFixtures studio;
    private HealthReports health;
    private UUID slot;

    @BeforeEach
    void aServiceThatOnlyReports() {
        ConfigurableApplicationContext instance = instances.start(
                "--GENERATION_RECONCILE=false",
                "--GENERATION_RECONCILE_NOTICE=PT0S",
                "--app.generation.catch-up-on-startup=false",
                "--app.generation.schedule-enabled=false");
        generation = instance.getBean(LessonGenerationService.class);
        jdbc = instance.getBean(JdbcClient.class);
        studio = instance.getBean(StudioFixtures.class);
        health = instance.getBean(HealthReports.class);
        instance.getBean(MutableClock.class).set(IntegrationTestConfiguration.START);
        studio.empty();
        slot = studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        assertThat(generation.run(JobTrigger.MANUAL, null).lessonsGenerated()).isEqualTo(12);
    }

    @AfterEach
    void stop() {
        instances.close();
    }

    @Test
    void aRunChangesNothingItWroteAndThePreviewSaysWhatReconcilingWouldChange() {
        studio.update("update recurring_slot set start_time = '18:00', per_lesson_price = 3100 where id = ?", slot);
        String before = jdbc.sql(LESSONS).query(String.class).single();

        GenerationPreview preview = generation.preview();
        GenerationResult result = generation.run(JobTrigger.MANUAL, null);

        assertThat(preview.reconcile()).isFalse();
        assertThat(preview.lessonsToUpdate()).isEqualTo(12);
        assertThat(preview.changes()).hasSize(12);
        assertThat(result.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(result.lessonsUpdated()).isZero();
        assertThat(jdbc.sql(LESSONS).query(String.class).single()).isEqualTo(before);
        assertThat(generation.preview().lessonsToUpdate()).as("still to do").isEqualTo(12);
        assertThat(health.current().issues())
                .filteredOn(issue -> issue.check().equals("slot-drift"))
                .singleElement()
                .satisfies(issue -> {
                    assertThat(issue.count()).isEqualTo(12);
                    assertThat(issue.message())
                            .startsWith("12 upcoming lessons no longer match their slot and stay as they are")
                            .contains("GENERATION_RECONCILE=false");
                });
    }

    @Test
    void aCancelledSlotKeepsItsLessons() {
        studio.update("update recurring_slot set status = 'CANCELLED' where id = ?", slot);

        GenerationResult result = generation.run(JobTrigger.MANUAL, null);

        assertThat(result.lessonsCancelled()).isZero();
        assertThat(jdbc.sql("select count(*) from lesson where status = 'SCHEDULED'")
                        .query(Long.class)
                        .single())
                .isEqualTo(12);
        assertThat(generation.preview().lessonsToCancel()).isEqualTo(12);
    }
}
