package com.guitarstudio.lessons.lessons;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What writing a chunk now would do, written nowhere: per teacher, what would happen to lessons (or
 * why the teacher would be skipped), and the changes to lessons the service owns, the earliest
 * {@value #CHANGES} of them.
 */
public record ChunkPreview(List<Teacher> teachers, List<Change> changes) {

    /** How many changes a preview lists: the earliest. */
    public static final int CHANGES = 50;

    public ChunkPreview {
        teachers = List.copyOf(teachers);
        changes = List.copyOf(changes);
    }

    /** A teacher's share; {@code error} says why the run would skip them, or names a lesson that cannot move. */
    public record Teacher(UUID teacherId, String teacherName, LessonCounts counts, String error) {}

    /**
     * A lesson a run would change: {@code change} is UPDATED (moved, retimed, repriced, closed or
     * reopened), CANCELLED (its slot no longer meets that day) or RESTORED (it meets that day again).
     */
    @Schema(name = "LessonChange")
    public record Change(
            UUID lessonId,
            UUID teacherId,
            String teacherName,
            String studentName,
            String change,
            LessonState before,
            LessonState after) {}

    /** A lesson's terms, with its start in the lesson's own zone ({@code localStart}, null for an unknown zone). */
    public record LessonState(
            Instant startAt,
            LocalDateTime localStart,
            int durationMinutes,
            int price,
            String status,
            String timezone) {}
}
