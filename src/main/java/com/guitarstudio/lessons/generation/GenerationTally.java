package com.guitarstudio.lessons.generation;

import com.guitarstudio.lessons.joblog.RunCounts;
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
    private int lessonsGenerated;
    private int lessonsClosed;
    private final List<String> errors = new ArrayList<>();

    void teachersTotal(int total) {
        this.teachersTotal = total;
    }

    /**
     * {@code teachers} teachers with {@code slots} slots were processed without error, inserting
     * {@code lessons}, {@code closed} of them as CLOSED.
     */
    void processed(int teachers, int slots, int lessons, int closed) {
        teachersProcessed += teachers;
        slotsProcessed += slots;
        lessonsGenerated += lessons;
        lessonsClosed += closed;
    }

    /** A chunk's outcome, added in chunk order. */
    void add(Written chunk) {
        processed(
                chunk.teachers(),
                chunk.slots(),
                chunk.inserted().lessons(),
                chunk.inserted().closed());
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

    int lessonsGenerated() {
        return lessonsGenerated;
    }

    int lessonsClosed() {
        return lessonsClosed;
    }

    RunCounts counts() {
        return new RunCounts(teachersProcessed, slotsProcessed, lessonsGenerated, lessonsClosed);
    }

    List<String> errors() {
        return List.copyOf(errors);
    }
}
