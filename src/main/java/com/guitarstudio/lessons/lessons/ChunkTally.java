package com.guitarstudio.lessons.lessons;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Per teacher of a chunk: what happened to their lessons (inserted, closed, updated, cancelled,
 * held), and the lessons that could not follow their slot. A lesson cancelled and then taken over by
 * a new slot of the same student counts once, as updated: for the student it is one lesson whose
 * terms changed.
 */
final class ChunkTally {

    private final Map<UUID, LessonCounts> counts;
    private final Map<UUID, List<LessonChange>> blocked;

    private ChunkTally(Map<UUID, LessonCounts> counts, Map<UUID, List<LessonChange>> blocked) {
        this.counts = counts;
        this.blocked = blocked;
    }

    /**
     * @param applied the lessons the chunk's changes changed (or would)
     * @param blockedLessons the changes not made because they would break a unique key
     * @param inserted the lessons inserted per teacher
     * @param takenOver the lessons the takeovers changed
     * @param reconcile false when nothing is changed at all: then nothing is held back either
     */
    static ChunkTally of(
            ChunkWork work,
            Set<UUID> applied,
            Set<UUID> blockedLessons,
            Map<UUID, LessonCounts> inserted,
            Takeovers.Decided takeovers,
            Set<UUID> takenOver,
            boolean reconcile) {
        Map<UUID, LessonCounts> counts = new HashMap<>(inserted);
        Set<UUID> cancelledThenTakenOver = new HashSet<>();
        for (LessonChange takeover : takeovers.takeovers()) {
            if (takenOver.contains(takeover.lessonId())) {
                add(counts, work.teacherOf(takeover), new LessonCounts(0, 0, 1, 0, 0));
                cancelledThenTakenOver.add(takeover.lessonId());
            }
        }
        for (LessonChange change : work.changesOf(applied)) {
            if (change.kind() != LessonChange.Kind.CANCELLED) {
                add(counts, work.teacherOf(change), new LessonCounts(0, 0, 1, 0, 0));
            } else if (!cancelledThenTakenOver.contains(change.lessonId())) {
                add(counts, work.teacherOf(change), new LessonCounts(0, 0, 0, 1, 0));
            }
        }
        List<LessonChange> held = new ArrayList<>(reconcile ? work.held() : List.of());
        held.addAll(takeovers.held());
        held.forEach(change -> add(counts, work.teacherOf(change), new LessonCounts(0, 0, 0, 0, 1)));
        Map<UUID, List<LessonChange>> blocked = new HashMap<>();
        for (LessonChange change : work.changes()) {
            if (blockedLessons.contains(change.lessonId())) {
                blocked.computeIfAbsent(work.teacherOf(change), id -> new ArrayList<>())
                        .add(change);
            }
        }
        return new ChunkTally(counts, blocked);
    }

    LessonCounts counts(UUID teacher) {
        return counts.getOrDefault(teacher, LessonCounts.NONE);
    }

    /** The teacher's lessons that could not follow their slot; empty when all could. */
    List<LessonChange> blocked(UUID teacher) {
        return blocked.getOrDefault(teacher, List.of());
    }

    private static void add(Map<UUID, LessonCounts> counts, UUID teacher, LessonCounts more) {
        counts.merge(teacher, more, LessonCounts::plus);
    }
}
