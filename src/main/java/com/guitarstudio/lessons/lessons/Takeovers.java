package com.guitarstudio.lessons.lessons;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Where a planned lesson meets a lesson the service cancelled because its slot changed: the same
 * student, the same instant (the "from a date" recipe: the old slot ends, a new one of the same
 * student starts at the same time with a new price). The unique key of pair and instant would keep
 * the new lesson out; instead the new slot takes the cancelled lesson over, which comes back with the
 * new slot's terms, the same lesson for the student. A pure function: the rows of a chunk whose
 * pairs have such lessons go through here, the others are inserted as they are.
 */
final class Takeovers {

    private Takeovers() {}

    /**
     * What to do with planned rows, in their order: insert them, take a cancelled lesson over, hold
     * a takeover back (the lesson starts within the notice period), or nothing (their slot has that
     * date already, their instant is taken, an earlier row had the same instant).
     */
    record Decided(List<NewLesson> inserts, List<LessonChange> takeovers, List<LessonChange> held) {}

    private record PairAt(UUID teacherId, UUID studentId, Instant startAt) {

        static PairAt of(LessonValues values) {
            return new PairAt(values.teacherId(), values.studentId(), values.startAt());
        }
    }

    /** @param occupants for each row, what holds its date or instant now (after the chunk's changes) */
    static Decided decide(List<NewLesson> rows, List<LessonInserts.Occupant> occupants, Instant cutoff) {
        List<NewLesson> inserts = new ArrayList<>();
        List<LessonChange> takeovers = new ArrayList<>();
        List<LessonChange> held = new ArrayList<>();
        Set<PairAt> claimed = new HashSet<>();
        Set<UUID> takenLessons = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            NewLesson row = rows.get(i);
            LessonInserts.Occupant occupant = occupants.get(i);
            if (occupant.dated() || !claimed.add(PairAt.of(row.values()))) {
                continue;
            }
            if (occupant.lesson() == null) {
                inserts.add(row);
            } else if (occupant.cancelledBySlotChange()
                    && takenLessons.add(occupant.lesson().id())) {
                LessonChange takeover = new LessonChange(
                        occupant.lesson().id(),
                        row.planned().slotId(),
                        row.planned().occurrenceDate(),
                        LessonChange.Kind.RESTORED,
                        occupant.lesson().values(),
                        row.values());
                (row.planned().startAt().isBefore(cutoff) ? held : takeovers).add(takeover);
            }
        }
        return new Decided(inserts, takeovers, held);
    }

    /**
     * What holds each row's date or instant once {@code applied} are made, from what holds it before
     * ({@code before}): a preview's view of the state a run sees after its changes. A changed lesson
     * is found at its new instant, not at its old one; the dates of slots do not change.
     */
    static List<LessonInserts.Occupant> afterChanges(
            List<NewLesson> rows, List<LessonInserts.Occupant> before, List<LessonChange> applied) {
        Map<PairAt, LessonChange> arriving = new HashMap<>();
        Set<UUID> changed = new HashSet<>();
        for (LessonChange change : applied) {
            arriving.put(PairAt.of(change.after()), change);
            changed.add(change.lessonId());
        }
        List<LessonInserts.Occupant> after = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            LessonInserts.Occupant was = before.get(i);
            LessonChange arrived = arriving.get(PairAt.of(rows.get(i).values()));
            if (arrived != null) {
                after.add(new LessonInserts.Occupant(
                        was.dated(),
                        new OwnedLesson(
                                arrived.lessonId(), arrived.slotId(), arrived.occurrenceDate(), arrived.after()),
                        arrived.cancelReason(),
                        true));
            } else if (was.lesson() != null && changed.contains(was.lesson().id())) {
                after.add(new LessonInserts.Occupant(was.dated(), null, null, false));
            } else {
                after.add(was);
            }
        }
        return after;
    }
}
