package com.guitarstudio.lessons.generation;

import com.guitarstudio.lessons.config.DatabaseFailures;
import com.guitarstudio.lessons.studio.EligibleSlot;
import com.guitarstudio.lessons.studio.RecurringSlotRepository;
import com.guitarstudio.lessons.studio.TimeZones;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Turns every eligible slot into its lessons for the window of a run, chunk of teachers by chunk
 * of teachers. A chunk is read with one query, planned in memory and written with one statement, so
 * the number of statements grows with the number of chunks, never with slots or lessons. A teacher
 * whose data cannot be processed (an unknown zone, a row the database refuses) is reported as
 * {@code Teacher <name> (<id>): <reason>} and skipped; everyone else is still processed. When a
 * chunk's write fails, its teachers are written again one by one to find the one at fault. A
 * failure of the database itself ends the run.
 */
@Component
class LessonGenerator {

    private final RecurringSlotRepository slots;
    private final LessonWriter writer;
    private final OccurrencePlanner planner;
    private final int teachersPerChunk;

    LessonGenerator(RecurringSlotRepository slots, LessonWriter writer, GenerationProperties properties) {
        this.slots = slots;
        this.writer = writer;
        this.planner = new OccurrencePlanner(properties.horizonWeeks());
        this.teachersPerChunk = properties.teachersPerChunk();
    }

    /** The end of the window of a run that starts at {@code now}. */
    Instant windowEnd(Instant now) {
        return planner.windowEnd(now);
    }

    /**
     * Generates the lessons of a run starting at {@code now}, adding to {@code tally} as it goes and
     * calling {@code afterChunk} after each chunk is written. Before each chunk it asks {@code
     * stopRequested}; when that says yes it ends with {@link RunInterrupted}, between two chunks.
     */
    void generate(Instant now, GenerationTally tally, Runnable afterChunk, BooleanSupplier stopRequested) {
        tally.teachersTotal(Math.toIntExact(slots.countTeachersWithEligibleSlots()));
        afterChunk.run();
        UUID after = RecurringSlotRepository.BEFORE_FIRST_TEACHER;
        List<TeacherSlots> chunk;
        while (!(chunk = nextChunk(after, stopRequested)).isEmpty()) {
            writeChunk(chunk, now, tally);
            after = chunk.get(chunk.size() - 1).teacherId();
            afterChunk.run();
        }
        if (tally.lessonsGenerated() > 0) {
            writer.vacuum();
        }
    }

    private List<TeacherSlots> nextChunk(UUID after, BooleanSupplier stopRequested) {
        if (stopRequested.getAsBoolean()) {
            throw new RunInterrupted();
        }
        Map<UUID, TeacherSlots> teachers = new LinkedHashMap<>();
        for (EligibleSlot slot : slots.findEligibleSlotsOfNextTeachers(after, teachersPerChunk)) {
            teachers.computeIfAbsent(
                            slot.teacherId(),
                            id -> new TeacherSlots(id, slot.teacherName(), slot.timezone(), new ArrayList<>()))
                    .slots()
                    .add(slot);
        }
        return List.copyOf(teachers.values());
    }

    private void writeChunk(List<TeacherSlots> chunk, Instant now, GenerationTally tally) {
        List<TeacherLessons> planned = new ArrayList<>(chunk.size());
        for (TeacherSlots teacher : chunk) {
            try {
                planned.add(plan(teacher, now));
            } catch (UnknownTimeZone e) {
                tally.error(describe(teacher, e.getMessage()));
            }
        }
        List<PlannedLesson> lessons = new ArrayList<>();
        planned.forEach(teacher -> lessons.addAll(teacher.lessons()));
        LessonWriter.Inserted inserted;
        try {
            inserted = writer.insert(lessons);
        } catch (DataAccessException e) {
            rethrowIfDatabaseUnavailable(e);
            planned.forEach(teacher -> writeAlone(teacher, tally));
            return;
        }
        tally.processed(
                planned.size(),
                planned.stream().mapToInt(TeacherLessons::slotCount).sum(),
                inserted.lessons(),
                inserted.closed());
    }

    private void writeAlone(TeacherLessons teacher, GenerationTally tally) {
        try {
            LessonWriter.Inserted inserted = writer.insert(teacher.lessons());
            tally.processed(1, teacher.slotCount(), inserted.lessons(), inserted.closed());
        } catch (DataAccessException e) {
            rethrowIfDatabaseUnavailable(e);
            tally.error(describe(teacher.teacher(), rootMessage(e)));
        }
    }

    private TeacherLessons plan(TeacherSlots teacher, Instant now) {
        ZoneId zone = TimeZones.parse(teacher.timezone()).orElseThrow(() -> UnknownTimeZone.of(teacher.timezone()));
        List<PlannedLesson> lessons = new ArrayList<>(teacher.slots().size() * 13);
        for (EligibleSlot slot : teacher.slots()) {
            WeeklySlot weekly =
                    new WeeklySlot(slot.day(), slot.startTime(), slot.startsOn(), slot.endsOn(), slot.intervalWeeks());
            for (Occurrence occurrence : planner.missing(weekly, zone, now, slot.generatedThrough())) {
                lessons.add(new PlannedLesson(
                        teacher.teacherId(),
                        slot.studentId(),
                        slot.slotId(),
                        occurrence.date(),
                        occurrence.startAt(),
                        slot.durationMinutes(),
                        slot.price(),
                        teacher.timezone()));
            }
        }
        return new TeacherLessons(teacher, lessons);
    }

    /** The database is down or unreachable: retrying teacher by teacher would only blame them all. */
    private static void rethrowIfDatabaseUnavailable(DataAccessException e) {
        if (DatabaseFailures.isUnavailable(e)) {
            throw e;
        }
    }

    static String describe(TeacherSlots teacher, String reason) {
        return "Teacher " + teacher.teacherName() + " (" + teacher.teacherId() + "): " + reason;
    }

    /** The database's own words, first line only (no SQL, no parameters). */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).replaceFirst("^ERROR: ", "");
    }

    /** A teacher of a chunk with their eligible slots; {@code timezone} is the stored text, possibly invalid. */
    record TeacherSlots(UUID teacherId, String teacherName, String timezone, List<EligibleSlot> slots) {}

    private record TeacherLessons(TeacherSlots teacher, List<PlannedLesson> lessons) {

        int slotCount() {
            return teacher.slots().size();
        }
    }
}
