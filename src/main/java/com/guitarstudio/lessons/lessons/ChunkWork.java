package com.guitarstudio.lessons.lessons;

import com.guitarstudio.lessons.lessons.OwnedLessons.Pair;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A planned chunk worked out against what its transaction read: the closures of its teachers, the
 * lessons its changed slots own, and the pairs with lessons the service cancelled. From those it
 * decides, without reading or writing more, the changes to make, the rows to insert (each with the
 * closure of its date), which slots are in line afterwards, and who gets which counts. A run and a
 * preview share it: they differ only in running the statements or asking what they would do.
 */
final class ChunkWork {

    /** One slot the chunk compares with its lessons or records as planned, with what the comparison found. */
    private record SlotWork(PlannedChunk.Teacher teacher, SlotState slot, SlotReconciler.Outcome outcome) {}

    private final PlannedChunk chunk;
    private final List<Closure> closures;
    private final Instant cutoff;
    private final Map<UUID, SlotWork> slots = new LinkedHashMap<>();
    private final List<LessonChange> changes = new ArrayList<>();
    private final Set<UUID> crowded = new HashSet<>();
    private final Set<Pair> carefulPairs = new HashSet<>();
    private final Map<UUID, UUID> teacherOfLesson = new HashMap<>();
    private final List<NewLesson> carefulRows = new ArrayList<>();
    private final List<NewLesson> plainRows = new ArrayList<>();

    /**
     * @param cutoff now plus the notice period
     * @param takeovers whether rows may take over the lessons the service cancelled (only when
     *     lessons follow their slot)
     */
    ChunkWork(
            PlannedChunk chunk,
            List<Closure> closures,
            List<OwnedLesson> owned,
            Set<Pair> pairsWithCancelledLessons,
            Instant cutoff,
            boolean takeovers) {
        this.chunk = chunk;
        this.closures = closures;
        this.cutoff = cutoff;
        Map<UUID, List<OwnedLesson>> bySlot = new HashMap<>();
        owned.forEach(lesson ->
                bySlot.computeIfAbsent(lesson.slotId(), id -> new ArrayList<>()).add(lesson));
        Map<PairAt, LessonChange> arriving = new HashMap<>();
        for (PlannedChunk.Teacher teacher : chunk.teachers) {
            for (SlotState slot : teacher.slots().slots()) {
                if (!needsPlanning(slot)) {
                    continue;
                }
                SlotReconciler.Outcome outcome = slot.changed()
                        ? SlotReconciler.reconcile(
                                slot, teacher.zone(), bySlot.getOrDefault(slot.slotId(), List.of()), closures, cutoff)
                        : SlotReconciler.Outcome.NONE;
                slots.put(slot.slotId(), new SlotWork(teacher, slot, outcome));
                for (LessonChange change : outcome.changes()) {
                    teacherOfLesson.put(change.lessonId(), teacher.teacherId());
                    // Two lessons that would move onto the same instant: the first goes, the other stays.
                    if (!change.after().isCancelled()
                            && arriving.putIfAbsent(PairAt.of(change.after()), change) != null) {
                        crowded.add(change.lessonId());
                    } else {
                        changes.add(change);
                    }
                    carefulPairs.add(pair(change.before()));
                    carefulPairs.add(pair(change.after()));
                }
                outcome.held().forEach(change -> teacherOfLesson.put(change.lessonId(), teacher.teacherId()));
            }
        }
        if (takeovers) {
            carefulPairs.addAll(pairsWithCancelledLessons);
        } else {
            carefulPairs.clear();
        }
        sortRows();
    }

    /** A slot that changed since its lessons were last brought in line, or that never was and gets lessons. */
    static boolean needsPlanning(SlotState slot) {
        return slot.planned() == null ? slot.eligible() : slot.changed();
    }

    /** The slots whose lessons a run reads and compares: those that changed. */
    static List<UUID> changedSlots(PlannedChunk chunk) {
        List<UUID> changed = new ArrayList<>();
        chunk.teachers.forEach(teacher -> teacher.slots().slots().stream()
                .filter(SlotState::changed)
                .forEach(slot -> changed.add(slot.slotId())));
        return changed;
    }

    /** The teachers whose closures a write reads, and from which date. */
    static List<UUID> teachers(PlannedChunk chunk) {
        return chunk.teachers.stream().map(PlannedChunk.Teacher::teacherId).toList();
    }

    static LocalDate closuresFrom(PlannedChunk chunk) {
        return LocalDate.ofInstant(chunk.now, ZoneOffset.UTC).minusDays(2);
    }

    /** The changes to make, in slot order; none moves two lessons onto one instant. */
    List<LessonChange> changes() {
        return changes;
    }

    /** The changes not made because another change of the chunk takes the same instant. */
    Set<UUID> crowded() {
        return crowded;
    }

    /** Of {@link #changes()}, those not among {@code applied}. */
    List<LessonChange> notApplied(Set<UUID> applied) {
        return changes.stream()
                .filter(change -> !applied.contains(change.lessonId()))
                .toList();
    }

    /** The changes among {@code ids}. */
    List<LessonChange> changesOf(Set<UUID> ids) {
        return changes.stream()
                .filter(change -> ids.contains(change.lessonId()))
                .toList();
    }

    /** The planned rows of pairs whose instants the chunk's changes or cancelled lessons touch. */
    List<NewLesson> carefulRows() {
        return carefulRows;
    }

    /** The other planned rows: nothing of the chunk touches their instants. */
    List<NewLesson> plainRows() {
        return plainRows;
    }

    /** Each planned row with the closure of its date, careful or plain by its pair. */
    private void sortRows() {
        for (PlannedChunk.Teacher teacher : chunk.teachers) {
            for (PlannedLesson lesson : teacher.inserts()) {
                NewLesson row = new NewLesson(
                        lesson, OccurrencePlanner.closureOn(lesson.teacherId(), lesson.occurrenceDate(), closures));
                (carefulPairs.contains(row.pair()) ? carefulRows : plainRows).add(row);
            }
        }
    }

    Instant cutoff() {
        return cutoff;
    }

    /**
     * The slots whose lessons are in line once {@code applied} are made: each with its terms and the
     * lessons held back. A slot with a change that could not be made ({@code blocked}) is not: the
     * next run compares it again. When lessons do not follow their slot ({@code reconcile} false),
     * only slots whose lessons all match are.
     */
    List<PlannedSlots.SlotPlan> inLine(Set<UUID> applied, Set<UUID> blocked, boolean reconcile) {
        List<PlannedSlots.SlotPlan> inLine = new ArrayList<>();
        for (SlotWork work : slots.values()) {
            List<LessonChange> slotChanges = work.outcome().changes();
            boolean pending = reconcile
                    ? slotChanges.stream().anyMatch(change -> blocked.contains(change.lessonId()))
                    : !slotChanges.isEmpty() || !work.outcome().held().isEmpty();
            if (!pending) {
                inLine.add(new PlannedSlots.SlotPlan(
                        work.slot().slotId(),
                        work.slot().eligible(),
                        work.slot().terms(),
                        work.outcome().held().stream()
                                .map(LessonChange::lessonId)
                                .toList()));
            }
        }
        return inLine;
    }

    /** The changes held back by the notice period. */
    List<LessonChange> held() {
        List<LessonChange> held = new ArrayList<>();
        slots.values().forEach(work -> held.addAll(work.outcome().held()));
        return held;
    }

    /** The teacher of the chunk whose slot a change or a held lesson belongs to. */
    UUID teacherOf(LessonChange change) {
        UUID teacher = teacherOfLesson.get(change.lessonId());
        return teacher != null ? teacher : change.after().teacherId();
    }

    private static Pair pair(LessonValues values) {
        return new Pair(values.teacherId(), values.studentId());
    }

    private record PairAt(UUID teacherId, UUID studentId, Instant startAt) {

        static PairAt of(LessonValues values) {
            return new PairAt(values.teacherId(), values.studentId(), values.startAt());
        }
    }
}
