package com.guitarstudio.lessons.calendar;

import com.guitarstudio.lessons.studio.TimeZones;
import com.guitarstudio.lessons.web.InvalidRequest;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closures and the lessons they close. Creating a closure turns the SCHEDULED lessons of its
 * teachers whose local date (in the lesson's own {@code timezone}) lies in its range into CLOSED at
 * once, generated and one-off alike; deleting it turns its CLOSED lessons back into SCHEDULED, or
 * hands them to another closure that still covers them. Lessons that started before the
 * application's clock says now are never changed. Both hold the calendar lock exclusively ({@link
 * CalendarLock}), so a run writing lessons at the same time cannot slip a SCHEDULED lesson into a
 * closed range.
 *
 * <p>A lesson's local date is worked out by {@code java.time}, like the occurrence dates of
 * generation: for each zone among the candidate lessons, the range becomes the instants from the
 * first day's midnight to the midnight after the last day in that zone, and SQL compares {@code
 * start_at} with those. A lesson whose zone id Java does not know is left alone.
 */
@Service
class ClosureService {

    /** How many of the lessons a preview lists. */
    static final int PREVIEW_LESSONS = 50;

    /** Candidate lessons lie within this many days of the range in UTC, whatever their zone. */
    private static final int ZONE_MARGIN_DAYS = 2;

    /** The lessons a new closure closes: {@code l} joined with the zone ranges {@code z}. */
    private static final String CLOSABLE = """
            from lesson l
            join unnest(cast(:zones as text[]), cast(:froms as timestamptz[]), cast(:tos as timestamptz[]))
                 as z(zone, from_at, to_at)
              on l.timezone = z.zone and l.start_at >= z.from_at and l.start_at < z.to_at
            where l.status = 'SCHEDULED' and l.start_at >= :now
              and (cast(:teacher as uuid) is null or l.teacher_id = cast(:teacher as uuid))
            """;

    private final JdbcClient jdbc;
    private final CalendarLock lock;
    private final MessageSource messages;
    private final Clock clock;

    ClosureService(JdbcClient jdbc, CalendarLock lock, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.lock = lock;
        this.messages = messages;
        this.clock = clock;
    }

    /** A closure as the API and the page show it. */
    record ClosureView(
            UUID id,
            UUID teacherId,
            String teacherName,
            ClosureKind kind,
            LocalDate startsOn,
            LocalDate endsOn,
            String reason,
            String createdBy,
            long lessonsClosed) {}

    /** A lesson a closure would close. */
    record AffectedLesson(UUID id, String teacherName, String studentName, Instant startAt, String timezone) {}

    record Preview(long lessonsAffected, List<AffectedLesson> lessons) {}

    record Created(ClosureView closure, int lessonsClosed) {}

    /**
     * @param lessonsRestored lessons back to SCHEDULED
     * @param lessonsStillClosed lessons that another closure still covers, now CLOSED by that one
     */
    record Deleted(int lessonsRestored, int lessonsStillClosed) {}

    /** The closures that overlap {@code from..to} (either may be null: unbounded), earliest first. */
    @Transactional(readOnly = true)
    public List<ClosureView> list(LocalDate from, LocalDate to) {
        return views(
                "(cast(:from as date) is null or c.ends_on >= cast(:from as date))"
                        + " and (cast(:to as date) is null or c.starts_on <= cast(:to as date))",
                Map.of("from", date(from), "to", date(to)));
    }

    private List<ClosureView> views(String condition, Map<String, ?> parameters) {
        return jdbc.sql("""
                        select c.id, c.teacher_id, u.name as teacher_name, c.kind, c.starts_on, c.ends_on, c.reason,
                               c.created_by,
                               (select count(*) from lesson l where l.closure_id = c.id) as lessons_closed
                        from studio_closure c
                        left join teacher_profile t on t.id = c.teacher_id
                        left join app_user u on u.id = t.user_id
                        where
                        """ + condition + """

                        order by c.starts_on, c.ends_on, c.id
                        """)
                .params(parameters)
                .query((rs, n) -> new ClosureView(
                        rs.getObject("id", UUID.class),
                        rs.getObject("teacher_id", UUID.class),
                        rs.getString("teacher_name"),
                        ClosureKind.valueOf(rs.getString("kind")),
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class),
                        rs.getString("reason"),
                        rs.getString("created_by"),
                        rs.getLong("lessons_closed")))
                .list();
    }

    /** The closures still to come or in effect: ending today or later in every zone. */
    @Transactional(readOnly = true)
    public List<ClosureView> currentAndUpcoming() {
        return list(earliestToday(), null);
    }

    /**
     * The closure a form describes, its teacher checked against the database.
     *
     * @throws InvalidRequest naming the field to fix
     */
    @Transactional(readOnly = true)
    public NewClosure checked(ClosureForm form) {
        if (form == null) {
            throw new InvalidRequest(messages.getMessage("closure.invalid.body", null, Locale.ENGLISH));
        }
        NewClosure closure = form.validate(messages);
        if (closure.teacherId() != null && teacherName(closure.teacherId()).isEmpty()) {
            throw ClosureForm.invalid("teacherId", "closure.invalid.teacherUnknown", messages);
        }
        return closure;
    }

    /** The closure with this id, as the list shows it. */
    @Transactional(readOnly = true)
    public Optional<ClosureView> find(UUID id) {
        return views("c.id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** The name of the teacher with this id, empty when there is none. */
    @Transactional(readOnly = true)
    public Optional<String> teacherName(UUID teacher) {
        return jdbc.sql("select u.name from teacher_profile t join app_user u on u.id = t.user_id where t.id = ?")
                .param(teacher)
                .query(String.class)
                .optional();
    }

    /** The teachers a closure can be for, by name. */
    @Transactional(readOnly = true)
    public List<TeacherChoice> teachers() {
        return jdbc.sql("""
                        select t.id, u.name from teacher_profile t join app_user u on u.id = t.user_id
                        where t.is_active order by lower(u.name), t.id
                        """)
                .query((rs, n) -> new TeacherChoice(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
    }

    record TeacherChoice(UUID id, String name) {}

    /** What creating {@code closure} now would close, writing nothing. */
    @Transactional(readOnly = true)
    public Preview preview(NewClosure closure) {
        Instant now = clock.instant();
        ZoneRanges ranges = zoneRanges(closure, now);
        long count = jdbc.sql("select count(*) " + CLOSABLE)
                .params(ranges.parameters(closure, now))
                .query(Long.class)
                .single();
        List<AffectedLesson> lessons = count == 0
                ? List.of()
                : jdbc.sql("select l.id, tu.name as teacher_name, su.name as student_name, l.start_at, l.timezone"
                                + " from (select l.id, l.teacher_id, l.student_id, l.start_at, l.timezone " + CLOSABLE
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

    /** Creates the closure and closes the lessons it covers, in one transaction. */
    @Transactional
    public Created create(NewClosure closure, String createdBy) {
        lock.holdExclusive();
        Instant now = clock.instant();
        UUID id = jdbc.sql("""
                        insert into studio_closure (teacher_id, kind, starts_on, ends_on, reason, created_by)
                        values (cast(:teacher as uuid), :kind, :startsOn, :endsOn, :reason, :createdBy)
                        returning id
                        """)
                .param("teacher", uuid(closure.teacherId()))
                .param("kind", closure.kind().name())
                .param("startsOn", closure.startsOn())
                .param("endsOn", closure.endsOn())
                .param("reason", closure.reason())
                .param("createdBy", createdBy)
                .query(UUID.class)
                .single();
        ZoneRanges ranges = zoneRanges(closure, now);
        int closed = ranges.isEmpty()
                ? 0
                : jdbc.sql("""
                                update lesson l set status = 'CLOSED', closure_id = :closure
                                from unnest(cast(:zones as text[]), cast(:froms as timestamptz[]),
                                            cast(:tos as timestamptz[])) as z(zone, from_at, to_at)
                                where l.timezone = z.zone and l.start_at >= z.from_at and l.start_at < z.to_at
                                  and l.status = 'SCHEDULED' and l.start_at >= :now
                                  and (cast(:teacher as uuid) is null or l.teacher_id = cast(:teacher as uuid))
                                """)
                        .params(ranges.parameters(closure, now))
                        .param("closure", id)
                        .update();
        ClosureView view = new ClosureView(
                id,
                closure.teacherId(),
                closure.teacherId() == null
                        ? null
                        : teacherName(closure.teacherId()).orElse(null),
                closure.kind(),
                closure.startsOn(),
                closure.endsOn(),
                closure.reason(),
                createdBy,
                closed);
        return new Created(view, closed);
    }

    /**
     * Deletes the closure and gives its lessons back: each future CLOSED lesson of it goes to the
     * first other closure that still covers it ({@link Closure#PRECEDENCE}), or back to SCHEDULED.
     * Empty when there is no such closure.
     */
    @Transactional
    public Optional<Deleted> delete(UUID id) {
        lock.holdExclusive();
        Optional<Closure> found = jdbc.sql("select id, teacher_id, starts_on, ends_on from studio_closure where id = ?")
                .param(id)
                .query(Closure.class)
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Closure deleted = found.get();
        Instant now = clock.instant();
        List<String> zones = jdbc.sql("""
                        select distinct timezone from lesson
                        where closure_id = :closure and status = 'CLOSED' and start_at >= :now
                        """)
                .param("closure", id)
                .param("now", Timestamp.from(now))
                .query(String.class)
                .list();
        List<Closure> others = jdbc.sql("""
                        select id, teacher_id, starts_on, ends_on from studio_closure
                        where id <> :closure and ends_on >= :startsOn and starts_on <= :endsOn
                          and (cast(:teacher as uuid) is null or teacher_id is null
                               or teacher_id = cast(:teacher as uuid))
                        order by starts_on, id
                        """)
                .param("closure", id)
                .param("startsOn", deleted.startsOn())
                .param("endsOn", deleted.endsOn())
                .param("teacher", uuid(deleted.teacherId()))
                .query(Closure.class)
                .list();
        Handover handover = Handover.of(others, zones);
        List<String> outcomes = zones.isEmpty()
                ? List.of()
                : jdbc.sql("""
                                update lesson l
                                set closure_id = h.next_closure,
                                    status = case when h.next_closure is null then 'SCHEDULED' else 'CLOSED' end
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
                                """)
                        .param("closure", id)
                        .param("now", Timestamp.from(now))
                        .param("closures", handover.closures())
                        .param("teachers", handover.teachers())
                        .param("zones", handover.zones())
                        .param("froms", handover.froms())
                        .param("tos", handover.tos())
                        .query(String.class)
                        .list();
        jdbc.sql("delete from studio_closure where id = ?").param(id).update();
        int restored = (int) outcomes.stream().filter("SCHEDULED"::equals).count();
        return Optional.of(new Deleted(restored, outcomes.size() - restored));
    }

    /**
     * The other closures a deleted closure's lessons may go to, one row per closure and zone, in
     * order of precedence, with the closure's range as instants of that zone.
     */
    private record Handover(String[] closures, String[] teachers, String[] zones, String[] froms, String[] tos) {

        static Handover of(List<Closure> others, List<String> zoneIds) {
            List<String[]> rows = new ArrayList<>();
            others.stream().sorted(Closure.PRECEDENCE).forEach(closure -> {
                for (String zoneId : zoneIds) {
                    ZoneRange.of(zoneId, closure.startsOn(), closure.endsOn())
                            .ifPresent(range -> rows.add(new String[] {
                                closure.id().toString(),
                                closure.teacherId() == null
                                        ? null
                                        : closure.teacherId().toString(),
                                range.zone(),
                                range.from().toString(),
                                range.to().toString()
                            }));
                }
            });
            return new Handover(column(rows, 0), column(rows, 1), column(rows, 2), column(rows, 3), column(rows, 4));
        }

        private static String[] column(List<String[]> rows, int index) {
            return rows.stream().map(row -> row[index]).toArray(String[]::new);
        }
    }

    /**
     * For each zone among the lessons the closure could close (SCHEDULED, not past, within a margin
     * of the range in UTC), the closure's range as instants of that zone.
     */
    private ZoneRanges zoneRanges(NewClosure closure, Instant now) {
        Instant lower = closure.startsOn()
                .minusDays(ZONE_MARGIN_DAYS)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Instant upper = closure.endsOn()
                .plusDays(1 + ZONE_MARGIN_DAYS)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        if (!upper.isAfter(now)) {
            return ZoneRanges.NONE;
        }
        List<String> zoneIds = jdbc.sql("""
                        select distinct l.timezone from lesson l
                        where l.status = 'SCHEDULED' and l.start_at >= :lower and l.start_at < :upper
                          and l.start_at >= :now
                          and (cast(:teacher as uuid) is null or l.teacher_id = cast(:teacher as uuid))
                        """)
                .param("lower", Timestamp.from(lower))
                .param("upper", Timestamp.from(upper))
                .param("now", Timestamp.from(now))
                .param("teacher", uuid(closure.teacherId()))
                .query(String.class)
                .list();
        List<String> zones = new ArrayList<>();
        List<String> froms = new ArrayList<>();
        List<String> tos = new ArrayList<>();
        for (String zoneId : zoneIds) {
            ZoneRange.of(zoneId, closure.startsOn(), closure.endsOn()).ifPresent(range -> {
                zones.add(range.zone());
                froms.add(range.from().toString());
                tos.add(range.to().toString());
            });
        }
        return new ZoneRanges(zones.toArray(String[]::new), froms.toArray(String[]::new), tos.toArray(String[]::new));
    }

    private record ZoneRanges(String[] zones, String[] froms, String[] tos) {

        static final ZoneRanges NONE = new ZoneRanges(new String[0], new String[0], new String[0]);

        boolean isEmpty() {
            return zones.length == 0;
        }

        Map<String, Object> parameters(NewClosure closure, Instant now) {
            return Map.of(
                    "zones", zones,
                    "froms", froms,
                    "tos", tos,
                    "now", Timestamp.from(now),
                    "teacher", uuid(closure.teacherId()));
        }
    }

    /**
     * The local dates {@code first..last} of one zone as instants: from the first day's start
     * (midnight, or the end of a gap at midnight) to the start of the day after the last. Empty for a
     * zone id Java does not know.
     */
    private record ZoneRange(String zone, Instant from, Instant to) {

        static Optional<ZoneRange> of(String zoneId, LocalDate first, LocalDate last) {
            return TimeZones.parse(zoneId)
                    .map(zone -> new ZoneRange(
                            zoneId,
                            first.atStartOfDay(zone).toInstant(),
                            last.plusDays(1).atStartOfDay(zone).toInstant()));
        }
    }

    /** Today's date where it is earliest (UTC−12): no closure still in effect anywhere is left out. */
    private LocalDate earliestToday() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.ofHours(-12));
    }

    private static SqlParameterValue uuid(UUID id) {
        return new SqlParameterValue(Types.VARCHAR, id == null ? null : id.toString());
    }

    private static SqlParameterValue date(LocalDate date) {
        return new SqlParameterValue(Types.DATE, date == null ? null : Date.valueOf(date));
    }
}
