package com.guitarstudio.lessons.calendar;

import com.guitarstudio.lessons.lessons.ClosedLessons;
import com.guitarstudio.lessons.lessons.Closure;
import com.guitarstudio.lessons.studio.TimeZones;
import com.guitarstudio.lessons.web.InvalidRequest;
import java.sql.Date;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closures: reading, checking, creating and deleting {@code studio_closure} rows. What a closure does
 * to lessons (closing them when it is created, giving them back when it is deleted) is {@link
 * ClosedLessons}', in the same transaction.
 */
@Service
class ClosureService {

    private final JdbcClient jdbc;
    private final ClosedLessons lessons;
    private final MessageSourceAccessor messages;
    private final Clock clock;

    ClosureService(JdbcClient jdbc, ClosedLessons lessons, MessageSourceAccessor messages, Clock clock) {
        this.jdbc = jdbc;
        this.lessons = lessons;
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

    record Created(ClosureView closure, int lessonsClosed) {}

    /**
     * @param lessonsRestored lessons back to SCHEDULED
     * @param lessonsStillClosed lessons that another closure still covers, now CLOSED by that one
     * @param lessonsCancelled lessons whose slot no longer meets that day (or no longer gets lessons)
     */
    record Deleted(int lessonsRestored, int lessonsStillClosed, int lessonsCancelled) {}

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
    public NewClosure validate(ClosureForm form, ClosureForm.Reader reader) {
        if (form == null) {
            throw new InvalidRequest(messages.getMessage("closure.invalid.body"));
        }
        NewClosure closure = form.validate(messages, reader);
        if (closure.teacherId() != null && teacherName(closure.teacherId()).isEmpty()) {
            throw ClosureForm.invalid("teacherId", reader, "teacherUnknown", messages);
        }
        return closure;
    }

    /**
     * The other closures whose days overlap {@code closure}'s and that apply to any of its teachers:
     * the lessons they hold in those days stay with them.
     */
    @Transactional(readOnly = true)
    public List<ClosureView> overlapping(UUID id, UUID teacherId, LocalDate startsOn, LocalDate endsOn) {
        return views(
                "(cast(:id as uuid) is null or c.id <> cast(:id as uuid)) and c.ends_on >= :startsOn"
                        + " and c.starts_on <= :endsOn and (cast(:teacher as uuid) is null or c.teacher_id is null"
                        + " or c.teacher_id = cast(:teacher as uuid))",
                Map.of(
                        "id", uuid(id),
                        "teacher", uuid(teacherId),
                        "startsOn", date(startsOn),
                        "endsOn", date(endsOn)));
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
    public ClosedLessons.Preview preview(NewClosure closure) {
        return lessons.preview(dates(null, closure));
    }

    /**
     * Creates the closure and closes the lessons it covers, in one transaction.
     *
     * @throws DuplicateClosure when a closure of the same kind, teacher and days exists already
     */
    @Transactional
    public Created create(NewClosure closure, String createdBy) {
        lessons.holdCalendar();
        Optional<ClosureView> identical = views(
                        "c.kind = :kind and c.teacher_id is not distinct from cast(:teacher as uuid)"
                                + " and c.starts_on = :startsOn and c.ends_on = :endsOn",
                        Map.of(
                                "kind", closure.kind().name(),
                                "teacher", uuid(closure.teacherId()),
                                "startsOn", date(closure.startsOn()),
                                "endsOn", date(closure.endsOn())))
                .stream()
                .findFirst();
        if (identical.isPresent()) {
            throw new DuplicateClosure(identical.get());
        }
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
        int closed = lessons.close(dates(id, closure));
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
     * Deletes the closure and gives its lessons back ({@link ClosedLessons#reopen}). Empty when there
     * is no such closure.
     */
    @Transactional
    public Optional<Deleted> delete(UUID id) {
        Optional<Closure> found = jdbc.sql("select id, teacher_id, starts_on, ends_on from studio_closure where id = ?")
                .param(id)
                .query(Closure.class)
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ClosedLessons.Reopened reopened = lessons.reopen(found.get());
        jdbc.sql("delete from studio_closure where id = ?").param(id).update();
        return Optional.of(
                new Deleted(reopened.lessonsRestored(), reopened.lessonsStillClosed(), reopened.lessonsCancelled()));
    }

    private static Closure dates(UUID id, NewClosure closure) {
        return new Closure(id, closure.teacherId(), closure.startsOn(), closure.endsOn());
    }

    /** Today's date where it is earliest (UTC−12): no closure still in effect anywhere is left out. */
    private LocalDate earliestToday() {
        return TimeZones.earliestToday(clock);
    }

    private static SqlParameterValue uuid(UUID id) {
        return new SqlParameterValue(Types.VARCHAR, id == null ? null : id.toString());
    }

    private static SqlParameterValue date(LocalDate date) {
        return new SqlParameterValue(Types.DATE, date == null ? null : Date.valueOf(date));
    }
}
