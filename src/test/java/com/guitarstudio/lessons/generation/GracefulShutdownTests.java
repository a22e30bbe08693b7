package com.guitarstudio.lessons.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.guitarstudio.lessons.AppInstances;
import com.guitarstudio.lessons.RunGate;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TeacherRows;
import com.guitarstudio.lessons.TestDatabase;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Stopping the service during a run: the run ends between two chunks and says so in the job log. */
class GracefulShutdownTests {

    private final AppInstances instances = new AppInstances();

    @AfterEach
    void stop() {
        RunGate.releaseRuns();
        instances.close();
    }

    /**
     * The run is held after its second chunk of ten teachers. With one writer it stops there; with
     * two, the third chunk was already being written on the other connection and is finished, whole.
     */
    @ParameterizedTest(name = "{0} writer(s): {1} teachers")
    @CsvSource({"1, 20", "2, 30"})
    void aRunInProgressStopsAtTheNextChunkAndIsRecordedPartial(int writers, int processed) throws Exception {
        JdbcClient jdbc = TestDatabase.jdbc();
        StudioFixtures studio = new StudioFixtures(jdbc);
        studio.empty();
        studio.bulk("stop", 50, 4);
        ConfigurableApplicationContext instance =
                instances.start("--app.generation.teachers-per-chunk=10", "--app.generation.writers=" + writers);
        RunGate.holdRunsAfter(20);
        LessonGenerationService.BackgroundRun run =
                instance.getBean(LessonGenerationService.class).runInBackground(JobTrigger.SCHEDULE, "test");
        RunGate.awaitRunHeld();

        // Closing waits for the run, which waits at the gate: close in the background, then release
        // the run once the close has asked it to stop.
        RunsInProgress runner = instance.getBean(RunsInProgress.class);
        CompletableFuture<Void> closed = CompletableFuture.runAsync(instance::close);
        await().atMost(Duration.ofSeconds(30)).until(runner::stopRequested);
        RunGate.releaseRuns();
        closed.get(60, TimeUnit.SECONDS);

        GenerationResult result = run.result().get(10, TimeUnit.SECONDS);
        assertThat(result.status().name()).isEqualTo("PARTIAL");
        assertThat(result.errors())
                .containsExactly("Run interrupted by shutdown after " + processed
                        + " of 50 teachers; the next run creates the rest");
        Map<String, Object> row = jdbc.sql(
                        "select id, status, teachers_processed, lessons_generated, errors[1] as error"
                                + " from job_log where trigger = 'SCHEDULE'")
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("status", "PARTIAL")
                .containsEntry("teachers_processed", processed)
                .containsEntry("error", result.errors().get(0));
        // Whole chunks: those teachers with all their lessons, the others with none.
        List<Long> lessonsPerTeacher = jdbc.sql("""
                select count(l.id) from teacher_profile t left join lesson l on l.teacher_id = t.id
                group by t.id order by 1
                """).query(Long.class).list();
        assertThat(lessonsPerTeacher.stream().filter(count -> count == 0)).hasSize(50 - processed);
        assertThat(lessonsPerTeacher.stream().filter(count -> count >= 4 * 12)).hasSize(processed);
        assertThat(lessonsPerTeacher.stream().mapToLong(Long::longValue).sum())
                .isEqualTo(((Number) row.get("lessons_generated")).longValue());
        TeacherRows.addUpToTheRun(jdbc, (UUID) row.get("id"));
        assertThat(TeacherRows.count(jdbc, (UUID) row.get("id"))).isEqualTo(processed);
    }
}
