package com.guitarstudio.lessons.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.LessonRulesInSql;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TeacherRows;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Four writers (chunks of three teachers): the rows are those of the rules in SQL, and a database
 * failure in one writer ends the run FAILED with every chunk whole and the writing stopped.
 */
@IntegrationTest
@TestPropertySource(properties = "app.generation.writers=" + ParallelWritersTests.WRITERS)
class ParallelWritersTests {

    static final int WRITERS = 4;
    private static final int TEACHERS = 60;
    private static final int CHUNK = IntegrationTest.TEACHERS_PER_CHUNK;
    private static final Instant NOW = Instant.parse("2027-02-20T12:00:00Z");

    @Autowired
    LessonGenerationService generation;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void studioWithACalendar() {
        studio.empty();
        clock.set(NOW);
        studio.bulk("writers", TEACHERS, 5);
        studio.bulkCalendar();
    }

    @Test
    void fourWritersWriteExactlyTheLessonsOfTheRules() {
        GenerationResult result = generation.run(JobTrigger.MANUAL, null);

        assertThat(result.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(result.teachersProcessed()).isEqualTo(TEACHERS);
        String job = fingerprint();
        assertThat(result.lessonsGenerated()).isEqualTo(studio.lessonCount());
        jdbc.sql("delete from lesson").update();
        jdbc.sql(LessonRulesInSql.BASELINE).param("now", Timestamp.from(NOW)).update();
        assertThat(fingerprint()).isEqualTo(job);
    }

    @Test
    void aDatabaseFailureInOneWriterEndsTheRunFailedWithEveryChunkWhole() {
        List<UUID> teachers = jdbc.sql("select id from teacher_profile order by id")
                .query(UUID.class)
                .list();
        int failingChunk = 5;
        UUID failing = teachers.get(failingChunk * CHUNK + 1);
        jdbc.sql("""
                create function lose_the_database() returns trigger language plpgsql as $$
                begin
                  if new.teacher_id = '%s' then
                    raise exception 'the connection was lost' using errcode = '08006';
                  end if;
                  return new;
                end $$
                """.formatted(failing)).update();
        jdbc.sql(
                        "create trigger lose_the_database before insert on lesson for each row execute function lose_the_database()")
                .update();
        GenerationResult result;
        try {
            result = generation.run(JobTrigger.MANUAL, null);
        } finally {
            jdbc.sql("drop trigger lose_the_database on lesson").update();
            jdbc.sql("drop function lose_the_database()").update();
        }

        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.databaseUnavailable()).isTrue();
        // what the run reports is what it wrote, in the result and in its job_log row
        assertThat(result.lessonsGenerated()).isEqualTo(studio.lessonCount());
        Map<String, Object> row = jdbc.sql("select status, lessons_generated from job_log where id = ?")
                .param(result.jobLogId())
                .query()
                .singleRow();
        assertThat(row).containsEntry("status", "FAILED").containsEntry("lessons_generated", result.lessonsGenerated());
        TeacherRows.addUpToTheRun(jdbc, result.jobLogId());
        // every chunk all or nothing; the failing one nothing; none beyond those already in flight
        for (int chunk = 0; chunk * CHUNK < TEACHERS; chunk++) {
            List<Long> lessons = teachers.subList(chunk * CHUNK, Math.min(TEACHERS, (chunk + 1) * CHUNK)).stream()
                    .map(studio::lessonCount)
                    .toList();
            boolean written = lessons.get(0) > 0;
            assertThat(lessons).as("chunk %d", chunk).allMatch(count -> written ? count > 0 : count == 0);
            if (chunk == failingChunk || chunk >= failingChunk + WRITERS) {
                assertThat(written).as("chunk %d", chunk).isFalse();
            }
            if (chunk < failingChunk) {
                assertThat(written).as("chunk %d", chunk).isTrue();
            }
        }
    }

    @AfterEach
    void clockBackToTheSuitesStart() {
        clock.set(IntegrationTestConfiguration.START);
    }

    private String fingerprint() {
        return jdbc.sql(LessonRulesInSql.FINGERPRINT).query(String.class).single();
    }
}
