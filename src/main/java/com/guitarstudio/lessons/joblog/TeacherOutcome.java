package com.guitarstudio.lessons.joblog;

import java.util.UUID;

/**
 * What a run did for one teacher ({@code job_log_teacher}): their slots, the lessons it inserted
 * ({@code lessonsClosed} of them CLOSED), the lessons it brought in line with their slot ({@code
 * lessonsUpdated}, {@code lessonsCancelled}) or left as they were because they start soon ({@code
 * lessonsHeld}), and why it could not process them, or a lesson of theirs that cannot follow its slot
 * ({@code error}). A teacher whose lessons were all in line already has zeros and no error.
 */
public record TeacherOutcome(
        UUID teacherId,
        String teacherName,
        int slots,
        int lessonsGenerated,
        int lessonsClosed,
        int lessonsUpdated,
        int lessonsCancelled,
        int lessonsHeld,
        String error) {

    /** A teacher the run could not process, and why. */
    public static TeacherOutcome failed(UUID teacherId, String teacherName, int slots, String error) {
        return new TeacherOutcome(teacherId, teacherName, slots, 0, 0, 0, 0, 0, error);
    }
}
