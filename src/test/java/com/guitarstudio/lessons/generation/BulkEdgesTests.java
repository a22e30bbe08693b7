package com.guitarstudio.lessons.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.LessonRulesInSql;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark's studio with its hard cases ({@link StudioFixtures#bulkEdges}): the job writes
 * exactly the rows of {@link LessonRulesInSql}, times in daylight-saving gaps and overlaps and slots
 * that must get nothing included. The benchmark makes the same comparison at 10,000 and 100,000
 * slots; this is it at a size CI runs on every build.
 */
@IntegrationTest
class BulkEdgesTests {

    private static final Instant NOW = Instant.parse("2027-02-20T12:00:00Z");

    @Autowired
    LessonGenerationService generation;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theJobWritesTheRulesRowsAtTheEdges() {
        studio.empty();
        clock.set(NOW);
        studio.bulk("edges", 400, 5);
        studio.bulkCalendar();
        studio.bulkEdges();
        // the studio does have every case, so the comparison below cannot pass for want of them
        assertThat(jdbc.sql("""
                        select distinct t.timezone || ' ' || r.day_of_week || ' ' || r.start_time
                        from recurring_slot r join teacher_profile t on t.id = r.teacher_id
                        where r.status = 'ACTIVE' and t.is_active and r.start_time in ('01:30', '01:45', '02:30', '23:30')
                        """).query(String.class).list())
                .as("slots at the wall-clock time of their zone's change")
                .contains(
                        "America/Chicago 0 02:30:00",
                        "America/New_York 0 02:30:00",
                        "Australia/Sydney 0 02:30:00",
                        "Europe/London 0 01:30:00",
                        "Australia/Lord_Howe 0 01:45:00",
                        "America/Santiago 6 23:30:00");
        assertThat(count("select count(*) from teacher_profile where not is_active"))
                .isPositive();
        assertThat(count("select count(*) from student_profile where not is_active"))
                .isPositive();
        assertThat(count("select count(*) from recurring_slot r join student_profile s on s.id = r.student_id"
                        + " where s.teacher_id <> r.teacher_id"))
                .isPositive();
        assertThat(count("select count(*) from recurring_slot where status = 'SUSPENDED'"))
                .isPositive();
        long mars =
                count("select count(distinct t.id) from teacher_profile t join recurring_slot r on r.teacher_id = t.id"
                        + " where t.timezone = 'Mars/Olympus_Mons' and t.is_active and r.status = 'ACTIVE'");
        assertThat(mars).isPositive();

        GenerationResult result = generation.run(JobTrigger.MANUAL, null);

        assertThat(result.status()).isEqualTo(JobStatus.PARTIAL);
        assertThat(result.errors())
                .hasSize((int) mars)
                .allSatisfy(error -> assertThat(error).contains("unknown time zone 'Mars/Olympus_Mons'"));
        String job = jdbc.sql(LessonRulesInSql.FINGERPRINT).query(String.class).single();
        jdbc.sql("delete from lesson").update();
        jdbc.sql(LessonRulesInSql.BASELINE).param("now", Timestamp.from(NOW)).update();
        assertThat(jdbc.sql(LessonRulesInSql.FINGERPRINT).query(String.class).single())
                .isEqualTo(job);
        assertThat(result.lessonsGenerated()).isEqualTo(studio.lessonCount());
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
