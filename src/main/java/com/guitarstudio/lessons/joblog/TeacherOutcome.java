package com.guitarstudio.lessons.joblog;

import java.util.UUID;

/**
 * What a run did for one teacher ({@code job_log_teacher}): their slots, the lessons it inserted
 * ({@code lessonsClosed} of them CLOSED), or why it could not process them ({@code error}, with no
 * lessons). A teacher whose lessons all existed already has 0 lessons and no error.
 */
public record TeacherOutcome(
        UUID teacherId, String teacherName, int slots, int lessonsGenerated, int lessonsClosed, String error) {

    /** A teacher about to be written: no lessons counted yet. */
    public static TeacherOutcome pending(UUID teacherId, String teacherName, int slots) {
        return new TeacherOutcome(teacherId, teacherName, slots, 0, 0, null);
    }

    /** A teacher the run could not process, and why. */
    public static TeacherOutcome failed(UUID teacherId, String teacherName, int slots, String error) {
        return new TeacherOutcome(teacherId, teacherName, slots, 0, 0, error);
    }

    /** This teacher with the lessons a write inserted for them. */
    public TeacherOutcome written(int lessons, int closed) {
        return new TeacherOutcome(teacherId, teacherName, slots, lessons, closed, error);
    }
}
