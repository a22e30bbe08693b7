package com.guitarstudio.lessons.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.RunGate;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TeacherRows;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import com.guitarstudio.lessons.studio.DemoData;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a run did per teacher ({@code job_log_teacher}), and the preview of the next run: it writes
 * nothing and predicts exactly what a run started right after inserts.
 */
@IntegrationTest
class RunInsightTests {

    private static final Instant NOW = Instant.parse("2027-02-20T12:00:00Z");

    @Autowired
    LessonGenerationService generation;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void emptyStudio() {
        studio.empty();
        clock.set(NOW);
    }

    @AfterEach
    void clockBackToTheSuitesStart() {
        clock.set(IntegrationTestConfiguration.START);
    }

    @Test
    void everyTeacherOfARunHasARowAlsoThoseWhoGotNothingNew() {
        studio.teacherWithOneSlot("Ana Lima", "Europe/London", DayOfWeek.MONDAY, LocalTime.of(17, 0));
        GenerationResult first = generation.run(JobTrigger.MANUAL, null);
        UUID ben = studio.teacher("Ben Okafor", "America/Chicago");
        studio.slot(ben, studio.student("Cy", ben), DayOfWeek.TUESDAY, LocalTime.of(16, 0), 30, 3000);
        studio.slot(ben, studio.student("Di", ben), DayOfWeek.WEDNESDAY, LocalTime.of(16, 0), 30, 3000);

        GenerationResult second = generation.run(JobTrigger.MANUAL, null);

        assertThat(second.status()).isEqualTo(JobStatus.SUCCESS);
        TeacherRows.addUpToTheRun(jdbc, first.jobLogId());
        TeacherRows.addUpToTheRun(jdbc, second.jobLogId());
        assertThat(rows(second.jobLogId()))
                .containsExactly(
                        "Ben Okafor: 2 slots, " + second.lessonsGenerated() + " lessons, 0 closed, no error",
                        "Ana Lima: 1 slots, 0 lessons, 0 closed, no error");
        assertThat(second.lessonsGenerated()).isEqualTo(studio.lessonCount(ben)).isPositive();
    }

    @Test
    void aPreviewOfTheDemoStudioWritesNothingAndPredictsTheNextRun() {
        new DemoData(studio).seed(NOW);

        previewThenRunAgree();

        // and again a week later, when the next run adds one week to what exists
        clock.advance(Duration.ofDays(7));
        previewThenRunAgree();
    }

    @Test
    void aPreviewPredictsTheNextRunOfAStudioWithClosuresTermsCadencesAndOneOffLessons() {
        studio.bulk("preview", 12, 4);
        studio.bulkCalendar();
        UUID ana = studio.teacherId("Teacher preview1");
        studio.closure(ana, LocalDate.parse("2027-03-01"), LocalDate.parse("2027-03-14"), "Ana away");
        studio.closure(null, LocalDate.parse("2027-04-02"), LocalDate.parse("2027-04-05"), "Spring break");
        // the studio's main app booked a one-off lesson at a slot's time: the run leaves that one out
        oneOffLessonAtTheTimeOfASlot();
        // a slot in an unknown zone: an error in the preview as in the run
        studio.teacherWithOneSlot("Zed Unknown", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);

        GenerationPreview preview = previewThenRunAgree();

        assertThat(preview.lessonsToClose()).isPositive();
        assertThat(preview.errors()).singleElement().asString().startsWith("Teacher Zed Unknown (");
        assertThat(preview.teachers()).isSortedAccordingTo(GenerationPreview.Teacher.MOST_LESSONS_FIRST);
        // twelve weeks and a day after Saturday 2027-02-20 12:00 UTC, when the preview was asked for
        assertThat(preview.windowStart()).isEqualTo(Instant.parse("2027-02-20T12:00:00Z"));
        assertThat(preview.windowEnd()).isEqualTo(Instant.parse("2027-05-16T12:00:00Z"));
    }

    @Test
    void aPreviewListsAtMostAHundredTeachersThoseWithTheMostLessons() {
        studio.bulk("many", 110, 1);
        UUID busiest = studio.teacherId("Teacher many7");
        studio.slot(busiest, studio.student("Extra", busiest), DayOfWeek.FRIDAY, LocalTime.of(9, 0), 30, 0);

        GenerationPreview preview = generation.preview();

        assertThat(preview.teachers()).hasSize(LessonGenerator.PREVIEW_TEACHERS);
        assertThat(preview.teachers().get(0).teacherId()).isEqualTo(busiest);
        assertThat(preview.teachers().get(0).lessons())
                .isGreaterThan(preview.teachers().get(1).lessons());
    }

    /**
     * A preview on an empty lesson table runs the chunk query many times on one connection; with a
     * plan cached there (the driver prepares a statement on the server from its fifth use), the
     * run after it probed every slot's latest lesson by scanning the whole growing table, and a
     * 10,000-slot run took 24 s instead of 4. No statement may be prepared on the server.
     */
    @Test
    void noPlanIsCachedOnAConnectionForTheRunAfterAPreview() throws SQLException {
        studio.bulk("plans", 10 * IntegrationTest.TEACHERS_PER_CHUNK, 2);

        generation.preview();

        List<Connection> connections = new ArrayList<>();
        try {
            long prepared = 0;
            int poolSize = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
            for (int i = 0; i < poolSize; i++) {
                Connection connection = dataSource.getConnection();
                connections.add(connection);
                try (Statement statement = connection.createStatement();
                        ResultSet count = statement.executeQuery("select count(*) from pg_prepared_statements")) {
                    count.next();
                    prepared += count.getLong(1);
                }
            }
            assertThat(prepared)
                    .as("statements prepared on the server, over the pool's connections")
                    .isZero();
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /**
     * A preview while a run writes: it neither waits for the run nor disturbs it, writes nothing, and
     * predicts the lessons the run has not written yet.
     */
    @Test
    void aPreviewWhileARunWritesPredictsWhatIsLeftAndDisturbsNothing() throws Exception {
        studio.bulk("busy", 4 * IntegrationTest.TEACHERS_PER_CHUNK, 2);
        GenerationPreview whole = generation.preview();
        RunGate.holdRunsAfter(IntegrationTest.TEACHERS_PER_CHUNK);
        CompletableFuture<GenerationResult> running =
                CompletableFuture.supplyAsync(() -> generation.run(JobTrigger.MANUAL, null));
        try {
            RunGate.awaitRunHeld();
            // the run waits between chunks, but a parallel writer may still commit the chunk it has
            // in hand: asked again until no chunk landed between the counts and the preview
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                long written = studio.lessonCount();
                Map<String, Long> before = rowCounts();

                GenerationPreview meanwhile = generation.preview();

                assertThat(rowCounts())
                        .as("rows of every table after the preview")
                        .isEqualTo(before);
                assertThat(written).as("the first chunk is written").isPositive();
                assertThat(meanwhile.lessonsToGenerate()).isEqualTo(whole.lessonsToGenerate() - written);
            });
        } finally {
            RunGate.releaseRuns();
        }
        GenerationResult run = running.get(60, TimeUnit.SECONDS);
        assertThat(run.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(run.lessonsGenerated()).isEqualTo(whole.lessonsToGenerate());
        assertThat(studio.lessonCount()).isEqualTo(whole.lessonsToGenerate());
    }

    /** Previews, checks nothing was written, runs, and compares. */
    private GenerationPreview previewThenRunAgree() {
        Map<String, Long> before = rowCounts();

        GenerationPreview preview = generation.preview();

        assertThat(rowCounts()).as("rows of every table after the preview").isEqualTo(before);
        GenerationResult run = generation.run(JobTrigger.MANUAL, null);
        assertThat(preview.lessonsToGenerate()).isEqualTo(run.lessonsGenerated());
        assertThat(preview.lessonsToClose()).isEqualTo(run.lessonsClosed());
        assertThat(preview.errors()).isEqualTo(run.errors());
        assertThat(preview.windowStart()).isEqualTo(clock.instant());
        Map<UUID, Integer> written = jdbc
                .sql("""
                select teacher_id, lessons_generated from job_log_teacher where job_log_id = ? and lessons_generated > 0
                """)
                .param(run.jobLogId())
                .query((row, number) -> Map.entry(row.getObject(1, UUID.class), row.getInt(2)))
                .list()
                .stream()
                .collect(LinkedHashMap::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()), Map::putAll);
        for (GenerationPreview.Teacher teacher : preview.teachers()) {
            assertThat(written.getOrDefault(teacher.teacherId(), 0))
                    .as("lessons of %s", teacher.teacherName())
                    .isEqualTo(teacher.lessons());
        }
        return preview;
    }

    private void oneOffLessonAtTheTimeOfASlot() {
        UUID teacher = studio.teacher("Olga One-Off", "UTC");
        UUID student = studio.student("Pat", teacher);
        studio.slot(teacher, student, DayOfWeek.WEDNESDAY, LocalTime.of(14, 0), 60, 0);
        jdbc.sql("""
                insert into lesson (teacher_id, student_id, start_at, duration_minutes, timezone)
                values (?, ?, '2027-03-03T14:00:00Z', 60, 'UTC')
                """).params(teacher, student).update();
    }

    private List<String> rows(UUID jobLogId) {
        return jdbc.sql("""
                select teacher_name || ': ' || slots || ' slots, ' || lessons_generated || ' lessons, '
                       || lessons_closed || ' closed, ' || coalesce(error, 'no error')
                from job_log_teacher where job_log_id = ? order by lessons_generated desc
                """).param(jobLogId).query(String.class).list();
    }

    /** The number of rows of every table of the schema. */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : jdbc.sql("select tablename from pg_tables where schemaname = current_schema() order by 1")
                .query(String.class)
                .list()) {
            counts.put(
                    table,
                    jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }
}
