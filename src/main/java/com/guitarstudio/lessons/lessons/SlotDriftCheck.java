package com.guitarstudio.lessons.lessons;

import com.guitarstudio.lessons.config.ChangeNotes;
import com.guitarstudio.lessons.health.HealthCheck;
import com.guitarstudio.lessons.health.HealthIssue;
import com.guitarstudio.lessons.health.Indicators;
import com.guitarstudio.lessons.studio.EligibleSlots;
import com.guitarstudio.lessons.studio.TimeZones;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code slot-drift} health check: upcoming lessons the service wrote that no longer match their
 * slot. Two kinds: those of slots changed since the last run (the next run brings them in line, or
 * with GENERATION_RECONCILE=false nothing does), counted by comparing them with their slot exactly as
 * a run would ({@link SlotReconciler}); and those a run left as they were because they start within
 * the notice period (recorded in {@code planned_slot.held_lessons}), named so someone can tell the
 * student.
 *
 * <p>Finding the changed slots compares every slot with its {@code planned_slot} row (one pass over
 * the studio, see docs/performance.md), so what it found is kept while nothing it depends on was written ({@link
 * ChangeNotes}); their lessons are read and compared on every report (the notice period moves with
 * the clock), at most {@value #SLOTS} slots of them (a larger number is shown as at least what was
 * counted).
 */
@Component
@Order(115)
class SlotDriftCheck implements HealthCheck {

    /** How many changed slots a report compares with their lessons. */
    static final int SLOTS = 500;

    /** How many held lessons the message names. */
    private static final int NAMED = 3;

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    /**
     * Slots that changed since their lessons were last brought in line (slots never planned have none),
     * with what the statement saw ({@link ChangeNotes#SNAPSHOT_COLUMNS}).
     */
    private static final String CHANGED = """
            select %s, array(select r.id from %s join planned_slot p on p.slot_id = r.id
            where p.eligible <> (%s)
               or (p.eligible and (p.teacher_id, p.student_id, p.timezone, p.day_of_week, p.start_time,
                                   p.duration_minutes, p.price, p.starts_on, p.ends_on, p.interval_weeks)
                       is distinct from (r.teacher_id, r.student_id, t.timezone, r.day_of_week, r.start_time,
                                         r.duration_minutes, r.per_lesson_price, r.starts_on, r.ends_on,
                                         r.interval_weeks))
            limit :limit) as slots
            """.formatted(
                    ChangeNotes.SNAPSHOT_COLUMNS, EligibleSlots.SLOTS_WITH_TEACHER_AND_STUDENT, EligibleSlots.ELIGIBLE);

    private static final String HELD = """
            select l.start_at, l.timezone, tu.name as teacher_name, su.name as student_name
            from planned_slot p
            cross join unnest(p.held_lessons) as h(id)
            join lesson l on l.id = h.id
            join teacher_profile t on t.id = l.teacher_id join app_user tu on tu.id = t.user_id
            join student_profile s on s.id = l.student_id join app_user su on su.id = s.user_id
            where p.held_lessons <> '{}' and l.start_at >= :now and
            """ + OwnedLessons.OWNED + """
            order by l.start_at, l.id
            """;

    private final JdbcClient jdbc;
    private final ChangeNotes notes;
    private final AtomicReference<Changed> changed = new AtomicReference<>();
    private final SlotChunks slots;
    private final OwnedLessons owned;
    private final ClosureReader closureReader;
    private final LessonProperties properties;
    private final MessageSourceAccessor messages;
    private final Clock clock;

    SlotDriftCheck(
            JdbcClient jdbc,
            ChangeNotes notes,
            SlotChunks slots,
            OwnedLessons owned,
            ClosureReader closureReader,
            LessonProperties properties,
            MessageSourceAccessor messages,
            Clock clock) {
        this.jdbc = jdbc;
        this.notes = notes;
        this.slots = slots;
        this.owned = owned;
        this.closureReader = closureReader;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    /** The slots found changed, and what the statement that found them saw. */
    record Changed(ChangeNotes.Seen seen, List<UUID> slots) {}

    @Override
    public Optional<HealthIssue> check(Supplier<Indicators> indicators) {
        Instant now = clock.instant();
        List<UUID> changed = changedSlots().slots();
        int pending = changed.isEmpty() ? 0 : lessonsToChange(changed.subList(0, Math.min(changed.size(), SLOTS)), now);
        List<HeldLesson> held = jdbc.sql(HELD)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new HeldLesson(
                        rs.getTimestamp("start_at").toInstant(),
                        rs.getString("timezone"),
                        rs.getString("teacher_name"),
                        rs.getString("student_name")))
                .list();
        if (pending == 0 && held.isEmpty()) {
            return Optional.empty();
        }
        List<String> sentences = new ArrayList<>();
        List<String> suggestions = new ArrayList<>();
        if (pending > 0) {
            String key = properties.reconcile() ? "health.slot-drift.pending" : "health.slot-drift.reportOnly";
            Object[] arguments = {pending, changed.size() > SLOTS ? 1 : 0};
            sentences.add(message(key + ".message", arguments));
            suggestions.add(message(key + ".suggestion", arguments));
        }
        if (!held.isEmpty()) {
            Object[] arguments = {
                held.size(),
                properties.reconcileNotice().toHours(),
                String.join("; ", held.stream().limit(NAMED).map(this::describe).toList())
            };
            sentences.add(message("health.slot-drift.held.message", arguments));
            suggestions.add(message("health.slot-drift.held.suggestion", arguments));
        }
        return Optional.of(new HealthIssue(
                "slot-drift", pending + held.size(), String.join(". ", sentences), String.join(". ", suggestions)));
    }

    /**
     * The slots that changed since their lessons were last planned: found again only when a
     * transaction that wrote slots, teachers, students or planned slots committed since they were
     * last found ({@link ChangeNotes}), or an hour has passed; otherwise a millisecond's question.
     */
    private Changed changedSlots() {
        Changed kept = changed.get();
        if (kept != null && notes.unchangedSince(ChangeNotes.Notes.SLOTS, kept.seen())) {
            return kept;
        }
        notes.prune(ChangeNotes.Notes.SLOTS);
        Changed found = jdbc.sql(CHANGED)
                .param("limit", SLOTS + 1)
                .query((rs, n) -> new Changed(
                        new ChangeNotes.Seen(
                                rs.getString("snapshot"),
                                rs.getTimestamp("counted_at").toInstant()),
                        List.of((UUID[]) rs.getArray("slots").getArray())))
                .single();
        changed.set(found);
        return found;
    }

    /** How many owned lessons of these slots a run started now would update or cancel. */
    private int lessonsToChange(List<UUID> changed, Instant now) {
        List<TeacherSlots> teachers = slots.of(changed);
        Map<UUID, List<OwnedLesson>> bySlot = new HashMap<>();
        owned.ofSlots(changed, now)
                .forEach(lesson -> bySlot.computeIfAbsent(lesson.slotId(), id -> new ArrayList<>())
                        .add(lesson));
        List<Closure> closures = closureReader.read(
                teachers.stream().map(TeacherSlots::teacherId).toList(),
                LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(2));
        Instant cutoff = now.plus(properties.reconcileNotice());
        int lessons = 0;
        for (TeacherSlots teacher : teachers) {
            Optional<ZoneId> zone = TimeZones.parse(teacher.timezone());
            for (SlotState slot : teacher.slots()) {
                if (slot.eligible() && zone.isEmpty()) {
                    continue; // the unknown-time-zones check reports these
                }
                SlotReconciler.Outcome outcome = SlotReconciler.reconcile(
                        slot, zone.orElse(null), bySlot.getOrDefault(slot.slotId(), List.of()), closures, cutoff);
                // Without reconciliation nothing is held back: every lesson that differs stays as it is.
                lessons += outcome.changes().size()
                        + (properties.reconcile() ? 0 : outcome.held().size());
            }
        }
        return lessons;
    }

    private String message(String key, Object[] arguments) {
        return messages.getMessage(key, arguments);
    }

    /** A held lesson as the message names it: whose it is and when it starts, in its own zone ("Mon 1 Mar 15:00 New York time"). */
    private String describe(HeldLesson held) {
        String when = TimeZones.parse(held.timezone())
                .map(zone -> LOCAL.format(LocalDateTime.ofInstant(held.startAt(), zone)) + " "
                        + TimeZones.place(held.timezone())
                                .map(place -> message("time.zone", new Object[] {place}))
                                .orElse(held.timezone()))
                .orElse(held.startAt().toString());
        return held.teacherName() + " with " + held.studentName() + ", " + when;
    }

    private record HeldLesson(Instant startAt, String timezone, String teacherName, String studentName) {}
}
