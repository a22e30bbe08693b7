package com.guitarstudio.lessons.joblog;

/**
 * What a run has done.
 *
 * @param teachersProcessed teachers processed without error
 * @param slotsProcessed the slots of those teachers
 * @param lessonsGenerated lessons inserted
 * @param lessonsClosed of those, lessons inserted as CLOSED (their date is in a closure)
 */
public record RunCounts(int teachersProcessed, int slotsProcessed, int lessonsGenerated, int lessonsClosed) {

    public static final RunCounts NONE = new RunCounts(0, 0, 0, 0);
}
