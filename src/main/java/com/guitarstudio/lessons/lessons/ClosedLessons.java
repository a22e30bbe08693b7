package com.guitarstudio.lessons.lessons;

import com.guitarstudio.lessons.studio.TimeZones;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lessons a closure closes and gives back. Creating a closure turns the SCHEDULED lessons of its
 * teachers whose local date (in the lesson's own {@code timezone}) lies in its range into CLOSED at
 * once, generated and one-off alike; deleting it gives its future CLOSED lessons back. Lessons that
 * started before the application's clock says now are never changed. Both hold the calendar lock
 * exclusively ({@link CalendarLock}), so a run writing lessons at the same time cannot slip a
 * SCHEDULED lesson into a closed range.
 *
 * <p>Giving lessons back applies the plan a run would: a lesson the service owns takes its slot's
 * terms as they are now (another closure that covers its date keeps it CLOSED; a slot that moved
 * reopens it at its new time; a slot that no longer meets that day, or gets no lessons at all,
 * cancels it); any other lesson goes to the first other closure that still covers it, or back to
 * SCHEDULED. With GENERATION_RECONCILE=false every lesson is given back the second way.
 *
 * <p>A lesson's local date is worked out by {@code java.time} ({@link ClosureZones}).
 */
@Service
public class ClosedLessons {

    /** How many of the lessons a preview lists. */
    static final int PREVIEW_LESSONS = 50;

    /** The closure's dates as instants of each zone among the candidate lessons: a table {@code z}. */
    private static final String ZONES = "unnest(cast(:zones as text[]), cast(:froms as timestamptz[]),"
            + " cast(:tos as timestamptz[])) as z(zone, from_at, to_at)";

    /**
     * Lesson {@code l} is one a closure covers: SCHEDULED, of its teachers (all, for the whole
     * studio), not started, starting within the closure's dates as instants of the lesson's own zone.
     */
    private static final String COVERS = """
            l.timezone = z.zone and l.start_at >= z.from_at and l.start_at < z.to_at
              and l.status = 'SCHEDULED' and l.start_at >= :now
              and (cast(:teacher as uuid) is null or l.teacher_id = cast(:teacher as uuid))
            """;

    private static final String COVERED = " from lesson l, " + ZONES + " where " + COVERS;

    /** A lesson the service owns stays its own when a closure changes it: its written status follows. */
    private static final String WRITTEN_STATUS =
            "written_status = case when " + OwnedLessons.OWNED + " then %s else l.written_status end";

    private static final String CLOSE = "update lesson l set status = 'CLOSED', closure_id = :closure, "
            + WRITTEN_STATUS.formatted("'CLOSED'") + " from " + ZONES + " where " + COVERS;

    private static final String CLOSED_OWNED = """
            select l.id, l.recurring_slot_id, l.occurrence_date, l.teacher_id, l.student_id, l.start_at,
                   l.duration_minutes, l.price, l.status, l.closure_id, l.timezone
            from lesson l
            where l.closure_id = :closure and l.status = 'CLOSED' and l.start_at >= :now
              and l.recurring_slot_id is not null and
            """ + OwnedLessons.OWNED;

    private static final String HAND_OVER =
            """
            update lesson l
            set closure_id = h.next_closure,
                status = case when h.next_closure is null then 'SCHEDULED' else 'CLOSED' end,
            """ + WRITTEN_STATUS.formatted("case when h.next_closure is null then 'SCHEDULED' else 'CLOSED' end") + """

            from (select candidate.id,
                         (select c.closure_id
                          from unnest(cast(:closures as uuid[]), cast(:teachers as uuid[]),
                                      cast(:zones as text[]), cast(:froms as timestamptz[]),
                                      cast(:tos as timestamptz[]))
                               with ordinality as c(closure_id, teacher_id, zone, from_at, to_at, rank)
                          where (c.teacher_id is null or c.teacher_id = candidate.teacher_id)
                            and c.zone = candidate.timezone
                            and candidate.start_at >= c.from_at and candidate.start_at < c.to_at
                          order by c.rank limit 1) as next_closure
                  from lesson candidate
                  where candidate.closure_id = :closure and candidate.status = 'CLOSED'
                    and candidate.start_at >= :now) h
            where l.id = h.id
            returning l.status
            """;

    private final JdbcClient jdbc;
    private final CalendarLock lock;
    private final ClosureZones zones;
    private final Clock clock;
    private final SlotChunks slots;
    private final ClosureReader closureReader;
    private final LessonUpdates updates;
    private final LessonProperties properties;
    private final EventCause events;

    ClosedLessons(
            JdbcClient jdbc,
            CalendarLock lock,
            ClosureZones zones,
            Clock clock,
            SlotChunks slots,
            ClosureReader closureReader,
            LessonUpdates updates,
            LessonProperties properties,
            EventCause events) {
        this.jdbc = jdbc;
        this.lock = lock;
        this.zones = zones;
        this.clock = clock;
        this.slots = slots;
        this.closureReader = closureReader;
        this.updates = updates;
        this.properties = properties;
        this.events = events;
    }

    /** A lesson a closure would close. */
    public record AffectedLesson(UUID id, String teacherName, String studentName, Instant startAt, String timezone) {}

    /** How many lessons a closure would close, and the first {@value #PREVIEW_LESSONS} of them. */
    public record Preview(long lessonsAffected, List<AffectedLesson> lessons) {}

    /**
     * What deleting a closure did to its future lessons.
     *
     * @param lessonsRestored lessons back to SCHEDULED (at their slot's time now, for lessons the service owns)
     * @param lessonsStillClosed lessons that another closure still covers, now CLOSED by that one
     * @param lessonsCancelled lessons the service owns whose slot no longer meets that day
     */
    public record Reopened(int lessonsRestored, int lessonsStillClosed, int lessonsCancelled) {}

    /** What closing {@code closure} (its id unused) now would close, writing nothing. */
    @Transactional(readOnly = true)
    /**
     * Holds the calendar lock exclusively until the transaction ends, for a check that must see every
     * closure committed before it (an identical one) and keep another from being made meanwhile.
     */
    public void holdCalendar() {
        lock.holdExclusive();
    }

    public Preview preview(Closure closure) {
        Instant now = clock.instant();
        ClosureZones.ZoneRanges ranges = zones.of(closure, now);
        long count = jdbc.sql("select count(*)" + COVERED)
                .params(ranges.parameters(closure, now))
                .query(Long.class)
                .single();
        List<AffectedLesson> lessons = count == 0
                ? List.of()
                : jdbc.sql("select l.id, tu.name as teacher_name, su.name as student_name, l.start_at, l.timezone"
                                + " from (select l.id, l.teacher_id, l.student_id, l.start_at, l.timezone " + COVERED
                                + " order by l.start_at, l.id limit :limit) l"
                                + " join teacher_profile t on t.id = l.teacher_id join app_user tu on tu.id = t.user_id"
                                + " join student_profile s on s.id = l.student_id join app_user su on su.id = s.user_id"
                                + " order by l.start_at, l.id")
                        .params(ranges.parameters(closure, now))
                        .param("limit", PREVIEW_LESSONS)
                        .query((rs, n) -> new AffectedLesson(
                                rs.getObject("id", UUID.class),
                                rs.getString("teacher_name"),
                                rs.getString("student_name"),
                                rs.getObject("start_at", OffsetDateTime.class).toInstant(),
                                rs.getString("timezone")))
                        .list();
        return new Preview(count, lessons);
    }

    /**
     * Closes the SCHEDULED lessons {@code closure} covers, in the caller's transaction (the one that
     * creates the closure), holding the calendar lock exclusively until it ends; returns how many.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int close(Closure closure) {
        lock.holdExclusive();
        events.closure(closure.id());
        Instant now = clock.instant();
        ClosureZones.ZoneRanges ranges = zones.of(closure, now);
        if (ranges.isEmpty()) {
            return 0;
        }
        return jdbc.sql(CLOSE)
                .params(ranges.parameters(closure, now))
                .param("closure", closure.id())
                .update();
    }

    /**
     * Gives back the future lessons {@code closure} closed, in the caller's transaction (the one that
     * deletes the closure), holding the calendar lock exclusively until it ends.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Reopened reopen(Closure closure) {
        lock.holdExclusive();
        events.closure(closure.id());
        Instant now = clock.instant();
        List<String> statuses = new ArrayList<>();
        if (properties.reconcile()) {
            List<LessonChange> planned = plan(closure, now);
            Set<UUID> applied = updates.apply(planned);
            planned.stream()
                    .filter(change -> applied.contains(change.lessonId()))
                    .forEach(change -> statuses.add(change.after().status()));
        }
        statuses.addAll(handOver(closure, now));
        return new Reopened(
                count(statuses, LessonValues.SCHEDULED),
                count(statuses, LessonValues.CLOSED),
                count(statuses, LessonValues.CANCELLED));
    }

    private static int count(List<String> statuses, String status) {
        return (int) statuses.stream().filter(status::equals).count();
    }

    /**
     * What the plan says of the closure's lessons the service owns, once the closure is gone: their
     * slot's terms now, CLOSED by another closure that covers the date, or cancelled.
     */
    private List<LessonChange> plan(Closure deleted, Instant now) {
        List<OwnedLesson> lessons = jdbc.sql(CLOSED_OWNED)
                .param("closure", deleted.id())
                .param("now", Timestamp.from(now))
                .query(OwnedLessons::owned)
                .list();
        if (lessons.isEmpty()) {
            return List.of();
        }
        List<TeacherSlots> teachers =
                slots.of(lessons.stream().map(OwnedLesson::slotId).distinct().toList());
        List<Closure> others = otherClosures(deleted, teachers);
        Map<UUID, List<OwnedLesson>> bySlot = new HashMap<>();
        lessons.forEach(lesson ->
                bySlot.computeIfAbsent(lesson.slotId(), id -> new ArrayList<>()).add(lesson));
        List<LessonChange> changes = new ArrayList<>();
        for (TeacherSlots teacher : teachers) {
            Optional<ZoneId> zone = TimeZones.parse(teacher.timezone());
            for (SlotState slot : teacher.slots()) {
                if (slot.eligible() && zone.isEmpty()) {
                    continue; // cannot be planned: given back as any other lesson
                }
                SlotReconciler.Outcome outcome = SlotReconciler.reconcile(
                        slot, zone.orElse(null), bySlot.getOrDefault(slot.slotId(), List.of()), others, now);
                changes.addAll(outcome.changes());
            }
        }
        return changes;
    }

    private List<Closure> otherClosures(Closure deleted, List<TeacherSlots> teachers) {
        return closureReader
                .read(
                        teachers.stream().map(TeacherSlots::teacherId).toList(),
                        deleted.startsOn().minusDays(1))
                .stream()
                .filter(closure -> !closure.id().equals(deleted.id()))
                .toList();
    }

    /**
     * Gives each remaining future CLOSED lesson of the deleted closure to the first other closure that
     * still covers it ({@link Closure#PRECEDENCE}), or back to SCHEDULED; returns their new statuses.
     */
    private List<String> handOver(Closure deleted, Instant now) {
        List<String> zoneIds = jdbc.sql("""
                        select distinct timezone from lesson
                        where closure_id = :closure and status = 'CLOSED' and start_at >= :now
                        """)
                .param("closure", deleted.id())
                .param("now", Timestamp.from(now))
                .query(String.class)
                .list();
        if (zoneIds.isEmpty()) {
            return List.of();
        }
        ClosureZones.Handover handover = zones.handover(deleted, zoneIds);
        return jdbc.sql(HAND_OVER)
                .param("closure", deleted.id())
                .param("now", Timestamp.from(now))
                .param("closures", handover.closures())
                .param("teachers", handover.teachers())
                .param("zones", handover.zones())
                .param("froms", handover.froms())
                .param("tos", handover.tos())
                .query(String.class)
                .list();
    }
}
