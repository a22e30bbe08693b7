package com.guitarstudio.lessons.joblog;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code job_log_teacher}: written a chunk at a time, read a page at a time. */
@Repository
class JobLogTeachers {

    private static final String INSERT = """
            insert into job_log_teacher (job_log_id, teacher_id, teacher_name, slots, lessons_generated, lessons_closed,
                                         lessons_updated, lessons_cancelled, lessons_held, error)
            select :jobLogId, teacher_id, teacher_name, slots, lessons_generated, lessons_closed, lessons_updated,
                   lessons_cancelled, lessons_held, error
            from unnest(cast(:teacherIds as uuid[]), cast(:names as text[]), cast(:slots as int[]),
                        cast(:lessons as int[]), cast(:closed as int[]), cast(:updated as int[]),
                        cast(:cancelled as int[]), cast(:held as int[]), cast(:errors as text[]))
                 as teacher(teacher_id, teacher_name, slots, lessons_generated, lessons_closed, lessons_updated,
                            lessons_cancelled, lessons_held, error)
            """;

    /** Teachers with an error first, then those with the most lessons; a search matches part of the name. */
    private static final String PAGE = """
            select teacher_id, teacher_name, slots, lessons_generated, lessons_closed, lessons_updated, lessons_cancelled,
                   lessons_held, error
            from job_log_teacher
            where job_log_id = :jobLogId and teacher_name ilike :pattern escape '\\'
            order by error is null, lessons_generated + lessons_updated + lessons_cancelled desc, teacher_name, teacher_id
            limit :size offset :offset
            """;

    private static final String COUNT = """
            select count(*) from job_log_teacher where job_log_id = :jobLogId and teacher_name ilike :pattern escape '\\'
            """;

    private final JdbcClient jdbc;

    JobLogTeachers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement for all of {@code teachers}. */
    void insert(UUID jobLogId, List<TeacherOutcome> teachers) {
        if (teachers.isEmpty()) {
            return;
        }
        jdbc.sql(INSERT)
                .param("jobLogId", jobLogId)
                .param(
                        "teacherIds",
                        teachers.stream()
                                .map(teacher -> teacher.teacherId().toString())
                                .toArray(String[]::new))
                .param(
                        "names",
                        teachers.stream().map(TeacherOutcome::teacherName).toArray(String[]::new))
                .param("slots", teachers.stream().map(TeacherOutcome::slots).toArray(Integer[]::new))
                .param(
                        "lessons",
                        teachers.stream().map(TeacherOutcome::lessonsGenerated).toArray(Integer[]::new))
                .param(
                        "closed",
                        teachers.stream().map(TeacherOutcome::lessonsClosed).toArray(Integer[]::new))
                .param(
                        "updated",
                        teachers.stream().map(TeacherOutcome::lessonsUpdated).toArray(Integer[]::new))
                .param(
                        "cancelled",
                        teachers.stream().map(TeacherOutcome::lessonsCancelled).toArray(Integer[]::new))
                .param(
                        "held",
                        teachers.stream().map(TeacherOutcome::lessonsHeld).toArray(Integer[]::new))
                .param("errors", teachers.stream().map(TeacherOutcome::error).toArray(String[]::new))
                .update();
    }

    Page<TeacherOutcome> page(UUID jobLogId, String search, int page, int size) {
        String pattern = "%" + escapeLike(search == null ? "" : search.strip()) + "%";
        List<TeacherOutcome> rows = jdbc.sql(PAGE)
                .param("jobLogId", jobLogId)
                .param("pattern", pattern)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((row, number) -> new TeacherOutcome(
                        row.getObject("teacher_id", UUID.class),
                        row.getString("teacher_name"),
                        row.getInt("slots"),
                        row.getInt("lessons_generated"),
                        row.getInt("lessons_closed"),
                        row.getInt("lessons_updated"),
                        row.getInt("lessons_cancelled"),
                        row.getInt("lessons_held"),
                        row.getString("error")))
                .list();
        long total = jdbc.sql(COUNT)
                .param("jobLogId", jobLogId)
                .param("pattern", pattern)
                .query(Long.class)
                .single();
        return new PageImpl<>(rows, PageRequest.of(page, size), total);
    }

    /** A search for "50%" finds "50%", not everything. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
