package com.guitarstudio.lessons.lessons;

import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The one room that writes {@code lesson} rows for a run: which teachers a run visits, a chunk at a
 * time ({@link #nextChunk}), the lessons their slots need and the changes the lessons the service
 * owns need ({@link PlannedChunk}), written in one transaction per chunk ({@link #write}) or worked
 * out without writing ({@link #preview}). The closures' own writes are {@link ClosedLessons}'.
 */
@Service
public class LessonBook {

    private final SlotChunks chunks;
    private final ChunkPlanner planner;
    private final LessonWriter writer;

    LessonBook(SlotChunks chunks, LessonWriter writer, LessonProperties properties) {
        this.chunks = chunks;
        this.writer = writer;
        this.planner = new ChunkPlanner(new OccurrencePlanner(properties.horizonWeeks()));
    }

    /** Starts a walk over the teachers: pass it as {@code after} for the first chunk. */
    public static final UUID FIRST = SlotChunks.BEFORE_FIRST_TEACHER;

    /** How many teachers a run visits now. */
    public int countTeachers() {
        return chunks.countTeachers();
    }

    /**
     * The next {@code teachers} teachers after {@code after} (in id order), planned for a run starting
     * at {@code now}; empty at the end of the walk.
     */
    public PlannedChunk nextChunk(UUID after, int teachers, Instant now) {
        return planner.plan(chunks.next(after, teachers), now);
    }

    /**
     * Writes a planned chunk, with a row per teacher for run {@code jobLogId}, in one transaction;
     * when the database refuses it, its teachers one by one. Throws when the database itself fails.
     */
    public ChunkResult write(UUID jobLogId, PlannedChunk chunk) {
        return writer.write(jobLogId, chunk);
    }

    /** What {@link #write} would do now, written nowhere. */
    public ChunkPreview preview(PlannedChunk chunk) {
        return writer.preview(chunk);
    }

    /** The last instant a run starting at {@code now} plans for. */
    public Instant windowEnd(Instant now) {
        return planner.windowEnd(now);
    }

    /** After a run that inserted lessons: lets the counts of scheduled lessons be index-only scans again. */
    public void vacuum() {
        writer.vacuum();
    }
}
