package com.guitarstudio.lessons.lessons;

import com.guitarstudio.lessons.studio.TimeZones;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans a chunk of teachers for a run starting at {@code now}, reading nothing: for each slot that
 * gets lessons, the lessons it still needs ({@link OccurrencePlanner}); and which slots changed since
 * their lessons were last brought in line. A teacher with slots that get lessons and a zone Java does
 * not know cannot be planned.
 */
final class ChunkPlanner {

    private final OccurrencePlanner planner;

    ChunkPlanner(OccurrencePlanner planner) {
        this.planner = planner;
    }

    PlannedChunk plan(List<TeacherSlots> chunk, Instant now) {
        List<PlannedChunk.Teacher> teachers = new ArrayList<>(chunk.size());
        List<PlannedChunk.Failure> failures = new ArrayList<>();
        for (TeacherSlots teacher : chunk) {
            ZoneId zone = TimeZones.parse(teacher.timezone()).orElse(null);
            if (zone == null && teacher.eligibleSlots() > 0) {
                failures.add(new PlannedChunk.Failure(
                        teacher, UnknownTimeZone.of(teacher.timezone()).getMessage()));
            } else {
                teachers.add(plan(teacher, zone, now));
            }
        }
        return new PlannedChunk(
                now,
                teachers,
                failures,
                chunk.isEmpty() ? null : chunk.get(chunk.size() - 1).teacherId());
    }

    private PlannedChunk.Teacher plan(TeacherSlots teacher, ZoneId zone, Instant now) {
        List<PlannedLesson> lessons = new ArrayList<>(teacher.slots().size() * 13);
        List<SlotState> changed = new ArrayList<>();
        for (SlotState slot : teacher.slots()) {
            if (slot.changed()) {
                changed.add(slot);
            }
            if (!slot.eligible()) {
                continue;
            }
            for (Occurrence occurrence : missing(slot, zone, now)) {
                lessons.add(new PlannedLesson(
                        teacher.teacherId(),
                        slot.terms().studentId(),
                        slot.slotId(),
                        occurrence.date(),
                        occurrence.startAt(),
                        slot.terms().durationMinutes(),
                        slot.terms().price(),
                        teacher.timezone()));
            }
        }
        return new PlannedChunk.Teacher(teacher, zone, lessons, changed);
    }

    /**
     * A slot whose terms changed also needs the dates its old terms did not meet on; otherwise the
     * dates after its latest lesson.
     */
    private List<Occurrence> missing(SlotState slot, ZoneId zone, Instant now) {
        WeeklySlot weekly = slot.terms().weekly();
        if (slot.changed() && slot.planned() != null) {
            return planner.missing(
                    weekly,
                    zone,
                    now,
                    slot.generatedThrough(),
                    slot.planned().terms().weekly());
        }
        return planner.missing(weekly, zone, now, slot.generatedThrough());
    }

    Instant windowEnd(Instant now) {
        return planner.windowEnd(now);
    }
}
