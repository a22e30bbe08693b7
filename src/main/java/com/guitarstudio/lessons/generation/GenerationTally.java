package com.guitarstudio.lessons.generation;

import com.guitarstudio.lessons.joblog.RunCounts;
import com.guitarstudio.lessons.lessons.ChunkResult;
import com.guitarstudio.lessons.lessons.LessonCounts;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run has done so far. The generator adds to it chunk by chunk; the runner reads it for
 * progress and, when the run fails half-way, for what was done before the failure.
 */
final class GenerationTally {

    private int teachersTotal;
    private int teachersProcessed;
    private int slotsProcessed;
    private LessonCounts counts = LessonCounts.NONE;
    private final List<String> errors = new ArrayList<>();

    void teachersTotal(int total) {
        this.teachersTotal = total;
    }

    /** A chunk's outcome, added in chunk order. */
    void add(ChunkResult chunk) {
        teachersProcessed += chunk.teachersProcessed();
        slotsProcessed += chunk.slotsProcessed();
        counts = counts.plus(chunk.counts());
        errors.addAll(chunk.errors());
    }

    /** A teacher that could not be processed, or why the run stopped. */
    void error(String error) {
        errors.add(error);
    }

    int teachersTotal() {
        return teachersTotal;
    }

    int teachersProcessed() {
        return teachersProcessed;
    }

    int slotsProcessed() {
        return slotsProcessed;
    }

    LessonCounts counts() {
        return counts;
    }

    RunCounts runCounts() {
        return new RunCounts(
                teachersProcessed,
                slotsProcessed,
                counts.generated(),
                counts.closed(),
                counts.updated(),
                counts.cancelled(),
                counts.held());
    }

    List<String> errors() {
        return List.copyOf(errors);
    }
}
