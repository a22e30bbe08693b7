package com.guitarstudio.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A run's rows in {@code job_log_teacher}, held against its totals in {@code job_log}. */
public final class TeacherRows {

    private TeacherRows() {}

    /**
     * The teachers' rows add up to the run: lessons inserted, closed, updated, cancelled and held in
     * all, the teachers without
     * an error are the teachers processed and their slots the slots processed, and every teacher
     * with an error is named in the run's errors with that error.
     */
    public static void addUpToTheRun(JdbcClient jdbc, UUID jobLogId) {
        Map<String, Object> run = jdbc.sql("""
                select lessons_generated, lessons_closed, lessons_updated, lessons_cancelled, lessons_held,
                       teachers_processed, slots_processed
                from job_log where id = ?
                """).param(jobLogId).query().singleRow();
        Map<String, Object> teachers = jdbc.sql("""
                select coalesce(sum(lessons_generated), 0)::int as lessons_generated,
                       coalesce(sum(lessons_closed), 0)::int as lessons_closed,
                       coalesce(sum(lessons_updated), 0)::int as lessons_updated,
                       coalesce(sum(lessons_cancelled), 0)::int as lessons_cancelled,
                       coalesce(sum(lessons_held), 0)::int as lessons_held,
                       (count(*) filter (where error is null))::int as teachers_processed,
                       coalesce(sum(slots) filter (where error is null), 0)::int as slots_processed
                from job_log_teacher where job_log_id = ?
                """).param(jobLogId).query().singleRow();
        assertThat(teachers).as("the teachers' rows of run %s", jobLogId).isEqualTo(run);
        List<String> failed = jdbc.sql("""
                select 'Teacher ' || teacher_name || ' (' || teacher_id || '): ' || error
                from job_log_teacher where job_log_id = ? and error is not null
                """).param(jobLogId).query(String.class).list();
        List<String> errors = jdbc.sql("select unnest(errors) from job_log where id = ?")
                .param(jobLogId)
                .query(String.class)
                .list();
        assertThat(errors).as("the run's errors").containsAll(failed);
        assertThat(errors.stream().filter(error -> error.startsWith("Teacher ")))
                .as("every teacher error has its row")
                .hasSameSizeAs(failed);
    }

    public static long count(JdbcClient jdbc, UUID jobLogId) {
        return jdbc.sql("select count(*) from job_log_teacher where job_log_id = ?")
                .param(jobLogId)
                .query(Long.class)
                .single();
    }
}
