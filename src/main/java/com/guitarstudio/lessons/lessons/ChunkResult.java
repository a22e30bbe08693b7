package com.guitarstudio.lessons.lessons;

import java.util.ArrayList;
import java.util.List;

/**
 * What writing one chunk did: {@code teachersProcessed} teachers with {@code slotsProcessed} slots
 * processed without error, what happened to lessons, and one line per teacher with an error
 * ({@code Teacher <name> (<id>): <reason>}).
 */
public record ChunkResult(int teachersProcessed, int slotsProcessed, LessonCounts counts, List<String> errors) {

    public static final ChunkResult NOTHING = new ChunkResult(0, 0, LessonCounts.NONE, List.of());

    public ChunkResult {
        errors = List.copyOf(errors);
    }

    ChunkResult plus(ChunkResult other) {
        List<String> all = new ArrayList<>(errors);
        all.addAll(other.errors());
        return new ChunkResult(
                teachersProcessed + other.teachersProcessed(),
                slotsProcessed + other.slotsProcessed(),
                counts.plus(other.counts()),
                all);
    }
}
