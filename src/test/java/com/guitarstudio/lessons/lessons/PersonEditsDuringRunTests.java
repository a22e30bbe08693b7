package com.guitarstudio.lessons.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.generation.GenerationResult;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.sql.Connection;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person edits lessons in the studio app while a run brings the same lessons in line with their
 * slot: the run has read them as the service wrote them and is about to change them, the person's
 * transaction commits first, and every edit survives. The run waits on the person's row locks (seen in
 * {@code pg_stat_activity}, no sleeping), so the edits commit in the middle of its update.
 */
@IntegrationTest
class PersonEditsDuringRunTests {

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

    UUID slot;

    @BeforeEach
    void benHasTuesdayLessons() {
        studio.empty();
        clock.set(IntegrationTestConfiguration.START);
        slot = studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        generation.run(JobTrigger.MANUAL, null);
    }

    @Test
    void editsThatCommitWhileARunChangesTheSameLessonsAllSurvive() throws Exception {
        studio.update("update recurring_slot set start_time = '19:00', per_lesson_price = 2700 where id = ?", slot);
        try (Connection studioApp = dataSource.getConnection()) {
            studioApp.setAutoCommit(false);
            try (Statement edit = studioApp.createStatement()) {
                edit.executeUpdate("update lesson set start_at = start_at + interval '1 hour'"
                        + " where occurrence_date = '2027-03-09'");
                edit.executeUpdate("update lesson set status = 'CANCELLED' where occurrence_date = '2027-03-16'");
                edit.executeUpdate("update lesson set price = 1000 where occurrence_date = '2027-03-23'");
            }
            Map<String, Object> edited = editedLessons(studioApp);

            var running = generation.runInBackground(JobTrigger.MANUAL, "admin@studio.test");
            await().atMost(Duration.ofSeconds(30)).until(this::aRunWaitsForTheEdits);
            studioApp.commit();
            GenerationResult result = running.result().get(30, TimeUnit.SECONDS);

            assertThat(result.status()).isEqualTo(JobStatus.SUCCESS);
            assertThat(result.lessonsUpdated()).as("the other nine").isEqualTo(9);
            assertThat(editedLessons(jdbc))
                    .as("every edit as the person made it")
                    .isEqualTo(edited);
        }
        List<String> others = jdbc.sql("""
                        select distinct to_char(start_at at time zone timezone, 'HH24:MI') || ' ' || price from lesson
                        where occurrence_date not in ('2027-03-09', '2027-03-16', '2027-03-23')
                        """).query(String.class).list();
        assertThat(others).containsExactly("19:00 2700");
    }

    /** The run's update waits for a row lock: it is about to change a lesson the person is editing. */
    private boolean aRunWaitsForTheEdits() {
        return jdbc.sql("""
                        select count(*) > 0 from pg_stat_activity
                        where datname = current_database() and wait_event_type = 'Lock'
                          and query like '%update lesson l set recurring_slot_id%'
                        """).query(Boolean.class).single();
    }

    private static Map<String, Object> editedLessons(Connection connection) throws Exception {
        try (Statement read = connection.createStatement();
                var rows = read.executeQuery("""
                        select string_agg(occurrence_date || ' ' || start_at || ' ' || status || ' ' || price, ', '
                                          order by occurrence_date)
                        from lesson where occurrence_date in ('2027-03-09', '2027-03-16', '2027-03-23')
                        """)) {
            rows.next();
            return Map.of("lessons", rows.getString(1));
        }
    }

    private Map<String, Object> editedLessons(JdbcClient client) {
        return Map.of("lessons", client.sql("""
                                select string_agg(occurrence_date || ' ' || start_at || ' ' || status || ' ' || price,
                                                  ', ' order by occurrence_date)
                                from lesson where occurrence_date in ('2027-03-09', '2027-03-16', '2027-03-23')
                                """).query(String.class).single());
    }
}
