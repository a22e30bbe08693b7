package com.guitarstudio.lessons.lessons;

import com.guitarstudio.lessons.studio.TimeZones;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a chunk did or would do, as people read it: the error of a teacher whose lessons could not
 * follow their slot (with each lesson's times in its own zone), and a preview's teachers and its
 * earliest changes with the names of their students.
 */
@Component
class ChunkReports {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private final JdbcClient jdbc;
    private final MessageSourceAccessor messages;

    ChunkReports(JdbcClient jdbc, MessageSourceAccessor messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** Why some of a teacher's lessons could not follow their slot, or null when all could. */
    String blocked(ChunkTally tally, UUID teacher) {
        List<LessonChange> blocked = tally.blocked(teacher);
        if (blocked.isEmpty()) {
            return null;
        }
        List<String> lessons = blocked.stream()
                .map(change -> message(
                        "lessons.blocked.lesson",
                        local(change.before()),
                        local(change.after()),
                        change.after().timezone()))
                .toList();
        return message("lessons.blocked", lessons.size(), String.join("; ", lessons));
    }

    /** The preview of a chunk: its teachers' counts and errors, and its earliest changes. */
    ChunkPreview preview(
            PlannedChunk chunk, ChunkTally tally, List<LessonChange> changes, List<LessonChange> takeovers) {
        List<ChunkPreview.Teacher> teachers = new ArrayList<>();
        for (PlannedChunk.Teacher teacher : chunk.teachers) {
            teachers.add(new ChunkPreview.Teacher(
                    teacher.teacherId(),
                    teacher.slots().teacherName(),
                    tally.counts(teacher.teacherId()),
                    blocked(tally, teacher.teacherId())));
        }
        for (PlannedChunk.Failure failure : chunk.failures) {
            teachers.add(new ChunkPreview.Teacher(
                    failure.slots().teacherId(), failure.slots().teacherName(), LessonCounts.NONE, failure.reason()));
        }
        return new ChunkPreview(teachers, earliest(chunk, changes, takeovers));
    }

    /**
     * The earliest {@value ChunkPreview#CHANGES} changes, with the names of their teachers and students. A
     * lesson cancelled and then taken over by a new slot of the same student is one change.
     */
    private List<ChunkPreview.Change> earliest(
            PlannedChunk chunk, List<LessonChange> changes, List<LessonChange> takeovers) {
        Map<UUID, LessonChange> byLesson = new LinkedHashMap<>();
        changes.forEach(change -> byLesson.put(change.lessonId(), change));
        for (LessonChange takeover : takeovers) {
            LessonChange cancelled = byLesson.get(takeover.lessonId());
            byLesson.put(
                    takeover.lessonId(),
                    cancelled == null
                            ? takeover
                            : new LessonChange(
                                    takeover.lessonId(),
                                    takeover.slotId(),
                                    takeover.occurrenceDate(),
                                    LessonChange.Kind.UPDATED,
                                    cancelled.before(),
                                    takeover.after()));
        }
        List<LessonChange> first = byLesson.values().stream()
                .sorted(Comparator.comparing(
                                (LessonChange change) -> change.before().startAt())
                        .thenComparing(change -> change.lessonId().toString()))
                .limit(ChunkPreview.CHANGES)
                .toList();
        if (first.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> teachers = new HashMap<>();
        chunk.teachers.forEach(
                teacher -> teachers.put(teacher.teacherId(), teacher.slots().teacherName()));
        Map<UUID, String> students = studentNames(first.stream()
                .map(change -> change.after().studentId())
                .distinct()
                .toList());
        return first.stream()
                .map(change -> new ChunkPreview.Change(
                        change.lessonId(),
                        change.after().teacherId(),
                        teachers.get(change.after().teacherId()),
                        students.get(change.after().studentId()),
                        change.kind().name(),
                        state(change.before()),
                        state(change.after())))
                .toList();
    }

    private Map<UUID, String> studentNames(List<UUID> students) {
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("""
                        select s.id, u.name from student_profile s join app_user u on u.id = s.user_id
                        where s.id = any(cast(:students as uuid[]))
                        """)
                .param("students", students.stream().map(UUID::toString).toArray(String[]::new))
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("name"));
                });
        return names;
    }

    private static ChunkPreview.LessonState state(LessonValues values) {
        return new ChunkPreview.LessonState(
                values.startAt(),
                localStart(values),
                values.durationMinutes(),
                values.price(),
                values.status(),
                values.timezone());
    }

    /** "Tue 2 Mar 2027 17:30", in the lesson's own zone (the instant when Java does not know it). */
    private static String local(LessonValues values) {
        LocalDateTime local = localStart(values);
        return local == null ? values.startAt().toString() : LOCAL.format(local);
    }

    private static LocalDateTime localStart(LessonValues values) {
        return TimeZones.parse(values.timezone())
                .map(zone -> LocalDateTime.ofInstant(values.startAt(), zone))
                .orElse(null);
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments);
    }
}
