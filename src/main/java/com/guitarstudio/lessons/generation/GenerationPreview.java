package com.guitarstudio.lessons.generation;

import com.guitarstudio.lessons.lessons.ChunkPreview;
import com.guitarstudio.lessons.lessons.LessonCounts;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What a run started now would do, worked out without writing anything: the window it would plan,
 * the lessons it would insert ({@code lessonsToGenerate}, {@code lessonsToClose} of them CLOSED), the
 * lessons it owns that it would bring in line with their slot ({@code lessonsToUpdate}, {@code
 * lessonsToCancel}) or leave as they are because they start too soon ({@code lessonsToHold}), the
 * teachers with the most new lessons, the earliest {@value #CHANGES} changes, and the errors it would
 * report. The changes are what reconciling would do, also when GENERATION_RECONCILE=false ({@code
 * reconcile}) and a run makes none of them.
 */
public record GenerationPreview(
        Instant windowStart,
        Instant windowEnd,
        int lessonsToGenerate,
        int lessonsToClose,
        int lessonsToUpdate,
        int lessonsToCancel,
        int lessonsToHold,
        boolean reconcile,
        List<Teacher> teachers,
        List<ChunkPreview.Change> changes,
        List<String> errors) {

    /** How many changes a preview lists. */
    public static final int CHANGES = ChunkPreview.CHANGES;

    public GenerationPreview {
        teachers = List.copyOf(teachers);
        changes = List.copyOf(changes);
        errors = List.copyOf(errors);
    }

    GenerationPreview(
            Instant windowStart,
            Instant windowEnd,
            LessonCounts counts,
            boolean reconcile,
            List<Teacher> teachers,
            List<ChunkPreview.Change> changes,
            List<String> errors) {
        this(
                windowStart,
                windowEnd,
                counts.generated(),
                counts.closed(),
                counts.updated(),
                counts.cancelled(),
                counts.held(),
                reconcile,
                teachers,
                changes,
                errors);
    }

    /** A teacher's share: the lessons a run would insert and change for them, or why it could not. */
    @Schema(name = "PreviewTeacher")
    public record Teacher(UUID teacherId, String teacherName, int lessons, int changes, String error) {

        static final Comparator<Teacher> MOST_LESSONS_FIRST = Comparator.comparingInt(Teacher::lessons)
                .thenComparingInt(Teacher::changes)
                .reversed()
                .thenComparing(Teacher::teacherName)
                .thenComparing(Teacher::teacherId);
    }
}
