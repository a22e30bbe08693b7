package com.guitarstudio.lessons.generation;

import com.guitarstudio.lessons.config.Futures;
import com.guitarstudio.lessons.lessons.ChunkPreview;
import com.guitarstudio.lessons.lessons.ChunkResult;
import com.guitarstudio.lessons.lessons.LessonBook;
import com.guitarstudio.lessons.lessons.LessonCounts;
import com.guitarstudio.lessons.lessons.LessonProperties;
import com.guitarstudio.lessons.lessons.PlannedChunk;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Walks every teacher a run visits, chunk of teachers by chunk of teachers: each chunk is read and
 * planned here and written by {@link LessonBook} in one transaction (its new lessons, and the lessons
 * it owns brought in line with their slot), so the number of statements grows with the number of
 * chunks, never with slots or lessons. A teacher whose data cannot be processed is reported and
 * skipped; everyone else is still processed. A failure of the database itself ends the run.
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

    private final LessonBook lessons;
    private final int teachersPerChunk;
    private final int writers;
    private final AsyncTaskExecutor writerThreads;
    private final boolean reconcile;

    LessonGenerator(
            LessonBook lessons,
            GenerationProperties properties,
            LessonProperties lessonProperties,
            @Qualifier("lessonWriters") AsyncTaskExecutor writerThreads) {
        this.lessons = lessons;
        this.teachersPerChunk = properties.teachersPerChunk();
        this.writers = properties.writers();
        this.writerThreads = writerThreads;
        this.reconcile = lessonProperties.reconcile();
    }

    /** The end of the window of a run that starts at {@code now}. */
    Instant windowEnd(Instant now) {
        return lessons.windowEnd(now);
    }

    /**
     * Generates the lessons of run {@code jobLogId} starting at {@code now}, with a row per teacher
     * for the run, adding to {@code tally} as it goes and calling {@code afterChunk} after each chunk
     * is written. Before each chunk it asks {@code stopRequested}; when that says yes it ends with
     * {@link RunInterrupted}, between two chunks.
     */
    void generate(
            Instant now, UUID jobLogId, GenerationTally tally, Runnable afterChunk, BooleanSupplier stopRequested) {
        tally.teachersTotal(lessons.countTeachers());
        afterChunk.run();
        Deque<CompletableFuture<ChunkResult>> inFlight = new ArrayDeque<>();
        try {
            UUID after = LessonBook.FIRST;
            while (true) {
                if (inFlight.size() >= writers) {
                    record(inFlight.removeFirst(), tally, afterChunk);
                }
                PlannedChunk chunk = nextChunk(after, now, stopRequested);
                if (chunk.isEmpty()) {
                    break;
                }
                inFlight.addLast(writerThreads.submitCompletable(() -> lessons.write(jobLogId, chunk)));
                after = chunk.lastTeacherId();
            }
            while (!inFlight.isEmpty()) {
                record(inFlight.removeFirst(), tally, afterChunk);
            }
        } catch (RuntimeException e) {
            // Stop reading; the writes in flight end on their own (each is one transaction, all or
            // nothing) and what they wrote is counted, so the run reports what it actually wrote.
            for (CompletableFuture<ChunkResult> write : inFlight) {
                try {
                    tally.add(Futures.join(write));
                } catch (RuntimeException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
            }
            throw e;
        }
        if (tally.counts().generated() > 0) {
            lessons.vacuum();
        }
    }

    /** Adds a chunk's outcome to the tally in chunk order, once its write has ended. */
    private static void record(CompletableFuture<ChunkResult> write, GenerationTally tally, Runnable afterChunk) {
        tally.add(Futures.join(write));
        afterChunk.run();
    }

    private PlannedChunk nextChunk(UUID after, Instant now, BooleanSupplier stopRequested) {
        if (stopRequested.getAsBoolean()) {
            throw new RunInterrupted();
        }
        return lessons.nextChunk(after, teachersPerChunk, now);
    }

    /**
     * What the next run would do, worked out as a run would and written nowhere: every chunk is read
     * and planned, and read-only queries per chunk count what its write would do. The teachers are
     * kept {@value #PREVIEW_TEACHERS} at a time (those with the most new lessons), and the changes
     * {@value GenerationPreview#CHANGES} at a time (the earliest), so memory stays flat.
     */
    GenerationPreview preview(Instant now) {
        PriorityQueue<GenerationPreview.Teacher> top =
                new PriorityQueue<>(GenerationPreview.Teacher.MOST_LESSONS_FIRST.reversed());
        PriorityQueue<ChunkPreview.Change> earliest = new PriorityQueue<>(EARLIEST_CHANGE.reversed());
        LessonCounts counts = LessonCounts.NONE;
        List<String> errors = new ArrayList<>();
        UUID after = LessonBook.FIRST;
        for (PlannedChunk chunk = nextChunk(after, now, () -> false);
                !chunk.isEmpty();
                chunk = nextChunk(after, now, () -> false)) {
            ChunkPreview preview = lessons.preview(chunk);
            for (ChunkPreview.Teacher teacher : preview.teachers()) {
                counts = counts.plus(teacher.counts());
                if (teacher.error() != null) {
                    errors.add(
                            "Teacher " + teacher.teacherName() + " (" + teacher.teacherId() + "): " + teacher.error());
                }
                keep(
                        top,
                        new GenerationPreview.Teacher(
                                teacher.teacherId(),
                                teacher.teacherName(),
                                teacher.counts().generated(),
                                teacher.counts().updated() + teacher.counts().cancelled(),
                                teacher.error()),
                        PREVIEW_TEACHERS);
            }
            preview.changes().forEach(change -> keep(earliest, change, GenerationPreview.CHANGES));
            after = chunk.lastTeacherId();
        }
        List<GenerationPreview.Teacher> teachers = new ArrayList<>(top);
        teachers.sort(GenerationPreview.Teacher.MOST_LESSONS_FIRST);
        List<ChunkPreview.Change> changes = new ArrayList<>(earliest);
        changes.sort(EARLIEST_CHANGE);
        return new GenerationPreview(now, lessons.windowEnd(now), counts, reconcile, teachers, changes, errors);
    }

    private static final Comparator<ChunkPreview.Change> EARLIEST_CHANGE = Comparator.comparing(
                    (ChunkPreview.Change change) -> change.before().startAt())
            .thenComparing(change -> change.lessonId().toString());

    /** Adds {@code item} to a bounded list, dropping the one that comes last beyond {@code limit}. */
    private static <T> void keep(PriorityQueue<T> kept, T item, int limit) {
        kept.add(item);
        if (kept.size() > limit) {
            kept.poll();
        }
    }
}
