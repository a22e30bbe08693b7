package com.guitarstudio.lessons.generation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What a run started now would do, worked out without writing anything: the window it would plan,
 * the lessons it would insert ({@code lessonsToGenerate}, {@code lessonsToClose} of them CLOSED),
 * the teachers with the most of them, and the errors it would report.
 */
public record GenerationPreview(
        Instant windowStart,
        Instant windowEnd,
        int lessonsToGenerate,
        int lessonsToClose,
        List<Teacher> teachers,
        List<String> errors) {

    public GenerationPreview {
        teachers = List.copyOf(teachers);
        errors = List.copyOf(errors);
    }

    /** A teacher's share: the lessons a run would insert for them, or why it could not. */
    public record Teacher(UUID teacherId, String teacherName, int lessons, String error) {

        static final Comparator<Teacher> MOST_LESSONS_FIRST = Comparator.comparingInt(Teacher::lessons)
                .reversed()
                .thenComparing(Teacher::teacherName)
                .thenComparing(Teacher::teacherId);
    }
}
