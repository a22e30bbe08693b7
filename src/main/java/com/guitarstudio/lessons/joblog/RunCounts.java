package com.guitarstudio.lessons.joblog;

/**
 * What a run has done.
 *
 * @param teachersProcessed teachers processed without error
 * @param slotsProcessed the slots of those teachers
 * @param lessonsGenerated lessons inserted
 * @param lessonsClosed of those, lessons inserted as CLOSED (their date is in a closure)
 * @param lessonsUpdated lessons brought in line with their slot in place (moved, repriced, restored)
 * @param lessonsCancelled lessons cancelled because their slot no longer meets that day
 * @param lessonsHeld lessons that differ from their slot, left as they were: they start too soon
 */
public record RunCounts(
        int teachersProcessed,
        int slotsProcessed,
        int lessonsGenerated,
        int lessonsClosed,
        int lessonsUpdated,
        int lessonsCancelled,
        int lessonsHeld) {

    public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0, 0, 0);
}
