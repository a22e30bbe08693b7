package com.guitarstudio.lessons.lessons;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A chunk of teachers planned for a run that starts at {@code now}: for each teacher the lessons to
 * insert and the slots whose lessons are to be compared with them, and the teachers that could not be
 * planned (an unknown time zone). Planning reads nothing; {@link LessonBook#write} and {@link
 * LessonBook#preview} take it from here.
 */
public final class PlannedChunk {

    final Instant now;
    final List<Teacher> teachers;
    final List<Failure> failures;
    private final UUID lastTeacherId;

    PlannedChunk(Instant now, List<Teacher> teachers, List<Failure> failures, UUID lastTeacherId) {
        this.now = now;
        this.teachers = List.copyOf(teachers);
        this.failures = List.copyOf(failures);
        this.lastTeacherId = lastTeacherId;
    }

    /** A teacher planned: the lessons to insert, and the slots that changed since their lessons were written. */
    record Teacher(TeacherSlots slots, ZoneId zone, List<PlannedLesson> inserts, List<SlotState> changed) {

        UUID teacherId() {
            return slots.teacherId();
        }
    }

    /** A teacher that could not be planned, and why. */
    record Failure(TeacherSlots slots, String reason) {}

    public boolean isEmpty() {
        return teachers.isEmpty() && failures.isEmpty();
    }

    /** The last teacher of the chunk in id order, where the walk goes on from; null for an empty chunk. */
    public UUID lastTeacherId() {
        return lastTeacherId;
    }

    /** The same plan, a teacher at a time (failures alone), to find a teacher whose write fails. */
    List<PlannedChunk> perTeacher() {
        List<PlannedChunk> alone = new ArrayList<>();
        teachers.forEach(teacher -> alone.add(new PlannedChunk(now, List.of(teacher), List.of(), teacher.teacherId())));
        return alone;
    }
}
