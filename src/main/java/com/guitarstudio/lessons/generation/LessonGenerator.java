package com.guitarstudio.lessons.generation;

import com.guitarstudio.lessons.config.DatabaseFailures;
import com.guitarstudio.lessons.joblog.TeacherOutcome;
import com.guitarstudio.lessons.studio.EligibleSlot;
import com.guitarstudio.lessons.studio.RecurringSlotRepository;
import com.guitarstudio.lessons.studio.TimeZones;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>With {@code GENERATION_WRITERS} = n, n writer threads write chunks on their own connections
 * while this thread reads and plans the next one; at most n planned chunks wait or are being
 * written, so memory stays bounded. Outcomes are counted, and progress recorded, in chunk order.
 * With n = 1 each chunk is written before the next is read.
 */
@Component
class LessonGenerator {

    /** How many teachers a preview lists. */
    static final int PREVIEW_TEACHERS = 100;

    private final RecurringSlotRepository slots;
    private final LessonWriter writer;
    private final OccurrencePlanner planner;
    private final int teachersPerChunk;
    private final int writers;

    LessonGenerator(RecurringSlotRepository slots, LessonWriter writer, GenerationProperties properties) {
        this.slots = slots;
        this.writer = writer;
        this.planner = new OccurrencePlanner(properties.horizonWeeks());
        this.teachersPerChunk = properties.teachersPerChunk();
        this.writers = properties.writers();
    }

    /** The end of the window of a run that starts at {@code now}. */
    Instant windowEnd(Instant now) {
        return planner.windowEnd(now);
    }

    /**
     * Generates the lessons of run {@code jobLogId} starting at {@code now}, with a row per teacher
     * for the run, adding to {@code tally} as it goes and calling {@code afterChunk} after each chunk
     * is written. Before each chunk it asks {@code stopRequested}; when that says yes it ends with
     * {@link RunInterrupted}, between two chunks.
     */
    void generate(
            Instant now, UUID jobLogId, GenerationTally tally, Runnable afterChunk, BooleanSupplier stopRequested) {
        tally.teachersTotal(Math.toIntExact(slots.countTeachersWithEligibleSlots()));
        afterChunk.run();
        ExecutorService pool = Executors.newFixedThreadPool(writers, new WriterThreads());
        Deque<Future<Written>> inFlight = new ArrayDeque<>();
        try {
            UUID after = RecurringSlotRepository.BEFORE_FIRST_TEACHER;
            while (true) {
                if (inFlight.size() >= writers) {
                    record(inFlight.removeFirst(), tally, afterChunk);
                }
                List<TeacherSlots> chunk = nextChunk(after, stopRequested);
                if (chunk.isEmpty()) {
                    break;
                }
                Planned planned = plan(chunk, now);
                inFlight.addLast(pool.submit(() -> write(jobLogId, planned)));
                after = chunk.get(chunk.size() - 1).teacherId();
            }
            while (!inFlight.isEmpty()) {
                record(inFlight.removeFirst(), tally, afterChunk);
            }
        } catch (RuntimeException e) {
            // Stop reading; the writes in flight end on their own (each is one transaction, all or
            // nothing) and what they wrote is counted, so the run reports what it actually wrote.
            for (Future<Written> write : inFlight) {
                try {
                    tally.add(join(write));
                } catch (RuntimeException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
            }
            throw e;
        } finally {
            pool.shutdown();
        }
        if (tally.lessonsGenerated() > 0) {
            writer.vacuum();
        }
    }

    /** Adds a chunk's outcome to the tally in chunk order, once its write has ended. */
    private static void record(Future<Written> write, GenerationTally tally, Runnable afterChunk) {
        tally.add(join(write));
        afterChunk.run();
    }

    private static Written join(Future<Written> write) {
        try {
            return write.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunInterrupted();
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

    /**
     * What the next run would do, worked out as a run would and written nowhere: every chunk is read
     * and planned, and one read-only query per chunk counts the planned lessons no lesson holds yet.
     * The teachers are kept {@value #PREVIEW_TEACHERS} at a time (those with the most lessons), so
     * memory stays flat.
     */
    GenerationPreview preview(Instant now) {
        PriorityQueue<GenerationPreview.Teacher> top =
                new PriorityQueue<>(GenerationPreview.Teacher.MOST_LESSONS_FIRST.reversed());
        int lessons = 0;
        int closed = 0;
        List<String> errors = new ArrayList<>();
        UUID after = RecurringSlotRepository.BEFORE_FIRST_TEACHER;
        for (List<TeacherSlots> chunk = nextChunk(after, () -> false);
                !chunk.isEmpty();
                chunk = nextChunk(after, () -> false)) {
            Planned planned = plan(chunk, now);
            Map<UUID, LessonWriter.Inserted> counts = writer.wouldInsert(planned.lessons());
            for (TeacherLessons teacher : planned.teachers()) {
                LessonWriter.Inserted theirs = counts.getOrDefault(teacher.teacherId(), LessonWriter.Inserted.NOTHING);
                lessons += theirs.lessons();
                closed += theirs.closed();
                keep(
                        top,
                        new GenerationPreview.Teacher(
                                teacher.teacherId(), teacher.teacher().teacherName(), theirs.lessons(), null));
            }
            for (Failure failure : planned.failures()) {
                errors.add(failure.describe());
                keep(
                        top,
                        new GenerationPreview.Teacher(
                                failure.teacher().teacherId(), failure.teacher().teacherName(), 0, failure.reason()));
            }
            after = chunk.get(chunk.size() - 1).teacherId();
        }
        List<GenerationPreview.Teacher> teachers = new ArrayList<>(top);
        teachers.sort(GenerationPreview.Teacher.MOST_LESSONS_FIRST);
        return new GenerationPreview(now, planner.windowEnd(now), lessons, closed, teachers, errors);
    }

    /** Adds {@code teacher} to the preview's list, dropping the one with the fewest lessons beyond {@value #PREVIEW_TEACHERS}. */
    private static void keep(PriorityQueue<GenerationPreview.Teacher> top, GenerationPreview.Teacher teacher) {
        top.add(teacher);
        if (top.size() > PREVIEW_TEACHERS) {
            top.poll();
        }
    }

    /** A chunk planned: its teachers' lessons, and the teachers that could not be planned. */
    private record Planned(List<TeacherLessons> teachers, List<Failure> failures) {

        List<PlannedLesson> lessons() {
            List<PlannedLesson> lessons = new ArrayList<>();
            teachers.forEach(teacher -> lessons.addAll(teacher.lessons()));
            return lessons;
        }

        List<String> errors() {
            return failures.stream().map(Failure::describe).toList();
        }
    }

    /** A teacher the run could not process, and why. */
    private record Failure(TeacherSlots teacher, String reason) {

        String describe() {
            return LessonGenerator.describe(teacher, reason);
        }

        TeacherOutcome outcome() {
            return TeacherOutcome.failed(
                    teacher.teacherId(), teacher.teacherName(), teacher.slots().size(), reason);
        }
    }

    private Planned plan(List<TeacherSlots> chunk, Instant now) {
        List<TeacherLessons> planned = new ArrayList<>(chunk.size());
        List<Failure> failures = new ArrayList<>();
        for (TeacherSlots teacher : chunk) {
            try {
                planned.add(plan(teacher, now));
            } catch (UnknownTimeZone e) {
                failures.add(new Failure(teacher, e.getMessage()));
            }
        }
        return new Planned(planned, failures);
    }

    /**
     * Writes a planned chunk, with a row per teacher for run {@code jobLogId}, in one transaction;
     * when the database refuses it, writes its teachers one by one to find the one at fault. Runs on
     * a writer thread.
     */
    private Written write(UUID jobLogId, Planned chunk) {
        List<TeacherOutcome> outcomes = new ArrayList<>();
        chunk.teachers().forEach(teacher -> outcomes.add(teacher.pending()));
        chunk.failures().forEach(failure -> outcomes.add(failure.outcome()));
        try {
            LessonWriter.Inserted inserted = writer.insert(jobLogId, chunk.lessons(), outcomes);
            int slotCount = chunk.teachers().stream()
                    .mapToInt(TeacherLessons::slotCount)
                    .sum();
            return new Written(chunk.teachers().size(), slotCount, inserted, chunk.errors());
        } catch (DataAccessException e) {
            rethrowIfDatabaseUnavailable(e);
        }
        Written written = new Written(0, 0, LessonWriter.Inserted.NOTHING, List.of());
        List<Failure> failures = new ArrayList<>(chunk.failures());
        for (TeacherLessons teacher : chunk.teachers()) {
            try {
                LessonWriter.Inserted inserted = writer.insert(jobLogId, teacher.lessons(), List.of(teacher.pending()));
                written = written.plus(new Written(1, teacher.slotCount(), inserted, List.of()));
            } catch (DataAccessException e) {
                rethrowIfDatabaseUnavailable(e);
                failures.add(new Failure(teacher.teacher(), rootMessage(e)));
            }
        }
        writer.insert(
                jobLogId, List.of(), failures.stream().map(Failure::outcome).toList());
        return written.plus(new Written(
                0,
                0,
                LessonWriter.Inserted.NOTHING,
                failures.stream().map(Failure::describe).toList()));
    }

    /** Names the writer threads, so a thread dump shows whose they are. */
    private static final class WriterThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "lesson-writer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
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

        UUID teacherId() {
            return teacher.teacherId();
        }

        int slotCount() {
            return teacher.slots().size();
        }

        TeacherOutcome pending() {
            return TeacherOutcome.pending(teacher.teacherId(), teacher.teacherName(), slotCount());
        }
    }
}
