package com.guitarstudio.lessons.feeds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code calendar_feed} table: feeds created, listed, looked up by their token, revoked. */
@Component
class CalendarFeeds {

    /** Whose lessons a feed shows. */
    enum OwnerKind {
        TEACHER,
        STUDENT
    }

    /** A feed's owner: a teacher (all their lessons) or a student (theirs). */
    record Owner(OwnerKind kind, UUID id) {}

    /** The feed a token opens, with its owner's name for the calendar's title. */
    record Subscription(UUID feedId, Owner owner, String name) {}

    /** A teacher or student an admin can make a feed for. */
    record Person(UUID id, String name) {}

    /** Feeds (rows of {@code %s}, as {@code f}) with their owner's name. */
    private static final String FEEDS = """
            select f.id, f.teacher_id, f.student_id, f.created_by, f.created_at, coalesce(tu.name, su.name) as name
            from %s f
                     left join teacher_profile t on t.id = f.teacher_id
                     left join app_user tu on tu.id = t.user_id
                     left join student_profile s on s.id = f.student_id
                     left join app_user su on su.id = s.user_id
            """;

    private final JdbcClient jdbc;

    CalendarFeeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A new feed for {@code owner} with the hash of {@code token}, as the list shows it; empty when
     * there is no such teacher or student (checked in the same statement, so one deleted meanwhile is no
     * feed either).
     */
    Optional<FeedView> create(Owner owner, FeedToken token, String createdBy) {
        return jdbc.sql("""
                        with created as (
                            insert into calendar_feed (teacher_id, student_id, token_hash, created_by)
                            select cast(:teacher as uuid), cast(:student as uuid), :hash, :createdBy
                            where exists (select 1 from teacher_profile where id = :teacher)
                               or exists (select 1 from student_profile where id = :student)
                            returning *)
                        """ + FEEDS.formatted("created"))
                .param("teacher", owner.kind() == OwnerKind.TEACHER ? owner.id() : null)
                .param("student", owner.kind() == OwnerKind.STUDENT ? owner.id() : null)
                .param("hash", token.hash())
                .param("createdBy", createdBy)
                .query((row, number) -> view(row))
                .optional();
    }

    /** Every feed, by owner's name. */
    List<FeedView> list() {
        return jdbc.sql(FEEDS.formatted("calendar_feed")
                        + "order by lower(coalesce(tu.name, su.name)), f.created_at, f.id")
                .query((row, number) -> view(row))
                .list();
    }

    /** Revokes a feed: its link stops working at once, on every instance. False when there was none. */
    boolean revoke(UUID id) {
        return jdbc.sql("delete from calendar_feed where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    /**
     * The feed this token opens. One indexed lookup of the token's hash, whether the token was never
     * issued, was revoked (its row is gone) or is valid.
     */
    Optional<Subscription> open(FeedToken token) {
        return jdbc.sql(FEEDS.formatted("calendar_feed") + "where f.token_hash = :hash")
                .param("hash", token.hash())
                .query((row, number) ->
                        new Subscription(row.getObject("id", UUID.class), owner(row), row.getString("name")))
                .optional();
    }

    /** The teachers, by name. */
    List<Person> teachers() {
        return jdbc.sql("""
                        select t.id, u.name from teacher_profile t join app_user u on u.id = t.user_id
                        order by lower(u.name), t.id
                        """)
                .query((row, number) -> new Person(row.getObject("id", UUID.class), row.getString("name")))
                .list();
    }

    /** The students, by name. */
    List<Person> students() {
        return jdbc.sql("""
                        select s.id, u.name from student_profile s join app_user u on u.id = s.user_id
                        order by lower(u.name), s.id
                        """)
                .query((row, number) -> new Person(row.getObject("id", UUID.class), row.getString("name")))
                .list();
    }

    private static FeedView view(ResultSet row) throws SQLException {
        Owner owner = owner(row);
        return new FeedView(
                row.getObject("id", UUID.class),
                owner.kind(),
                owner.kind() == OwnerKind.TEACHER ? owner.id() : null,
                owner.kind() == OwnerKind.STUDENT ? owner.id() : null,
                row.getString("name"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getString("created_by"));
    }

    private static Owner owner(ResultSet row) throws SQLException {
        UUID teacher = row.getObject("teacher_id", UUID.class);
        return teacher != null
                ? new Owner(OwnerKind.TEACHER, teacher)
                : new Owner(OwnerKind.STUDENT, row.getObject("student_id", UUID.class));
    }

    /**
     * A feed as the admin API and page show it. Its link is not here: only its hash is stored, so the
     * link is shown once, when the feed is created.
     *
     * @param kind whose lessons it shows: a teacher's (all of them) or a student's
     * @param name the teacher's or student's name
     * @param createdBy the admin who created it
     */
    record FeedView(
            UUID id,
            OwnerKind kind,
            UUID teacherId,
            UUID studentId,
            String name,
            Instant createdAt,
            String createdBy) {}
}
