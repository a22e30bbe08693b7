package com.guitarstudio.lessons.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.config.ChangeNotes;
import com.guitarstudio.lessons.health.HealthIssue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The double-bookings check keeps its count while it is still true, and counts again as soon as it
 * may not be: any committed write to {@code lesson}, by this service or the studio's app, or a counted
 * pair's first lesson beginning.
 */
@IntegrationTest
class DoubleBookingsTests {

    @Autowired
    StudioHealthChecks.DoubleBookings doubleBookings;

    @Autowired
    StudioFixtures studio;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MutableClock clock;

    UUID teacher;
    UUID student;

    @BeforeEach
    void oneTeacher() {
        studio.empty();
        clock.set(IntegrationTestConfiguration.START);
        teacher = studio.teacher("Dora", "UTC");
        student = studio.student("Sam", teacher);
    }

    @AfterEach
    void triggerBackOn() {
        jdbc.sql("alter table lesson enable trigger lesson_changed").update();
    }

    @Test
    void aCountIsKeptUntilATransactionThatWroteLessonsCommits() {
        lesson("2027-03-08T10:00:00Z", 30);
        lesson("2027-03-08T10:15:00Z", 30);
        assertThat(pairs()).isEqualTo(1);

        // a write the check is not told of: the kept count shows that it did not count again
        jdbc.sql("alter table lesson disable trigger lesson_changed").update();
        lesson("2027-03-08T10:20:00Z", 30);
        assertThat(pairs()).isEqualTo(1);

        jdbc.sql("alter table lesson enable trigger lesson_changed").update();
        studio.update("update lesson set duration_minutes = 45 where start_at = '2027-03-08T10:00:00Z'");
        assertThat(pairs())
                .as("counted again: 10:00-10:45 overlaps 10:15 and 10:20, 10:15 overlaps 10:20")
                .isEqualTo(3);

        studio.update("delete from lesson where start_at = '2027-03-08T10:15:00Z'");
        assertThat(pairs()).isEqualTo(1);
        studio.update("truncate lesson cascade");
        assertThat(pairs()).isZero();
    }

    @Test
    void aWriteUncommittedWhileCountingIsCountedOnceItCommits() throws Exception {
        lesson("2027-03-08T10:00:00Z", 30);
        try (Connection studioApp = dataSource.getConnection()) {
            studioApp.setAutoCommit(false);
            try (PreparedStatement insert = studioApp.prepareStatement("""
                    insert into lesson (teacher_id, student_id, start_at, duration_minutes, timezone)
                    values (?, ?, '2027-03-08T10:15:00Z', 30, 'UTC')
                    """)) {
                insert.setObject(1, teacher);
                insert.setObject(2, student);
                insert.executeUpdate();
            }
            assertThat(pairs()).as("not committed yet").isZero();
            studioApp.commit();
        }
        assertThat(pairs()).isEqualTo(1);
    }

    @Test
    void aRolledBackWriteLeavesTheCountAsItWas() throws Exception {
        lesson("2027-03-08T10:00:00Z", 30);
        assertThat(pairs()).isZero();
        long notes = notes();
        try (Connection studioApp = dataSource.getConnection()) {
            studioApp.setAutoCommit(false);
            try (PreparedStatement insert =
                    studioApp.prepareStatement("update lesson set start_at = start_at + interval '1 day'")) {
                insert.executeUpdate();
            }
            studioApp.rollback();
        }
        assertThat(notes()).as("a rolled-back write leaves no note").isEqualTo(notes);
        assertThat(pairs()).isZero();
    }

    @Test
    void aPairLeavesTheCountWhenItsFirstLessonBeginsWithoutAnyWrite() {
        lesson("2027-03-08T10:00:00Z", 60);
        lesson("2027-03-08T10:30:00Z", 30);
        lesson("2027-03-15T10:00:00Z", 30);
        lesson("2027-03-15T10:15:00Z", 30);
        assertThat(pairs()).isEqualTo(2);

        clock.set(Instant.parse("2027-03-08T10:00:00Z"));
        assertThat(pairs()).as("still upcoming at its very start").isEqualTo(2);
        clock.set(Instant.parse("2027-03-08T10:00:01Z"));
        assertThat(pairs()).isEqualTo(1);

        clock.set(IntegrationTestConfiguration.START);
        assertThat(pairs()).as("a clock set back counts again").isEqualTo(2);
    }

    @Test
    void aCountIsKeptAnHourAtMostAndNotesOlderThanADayAreDeleted() {
        lesson("2027-03-08T10:00:00Z", 30);
        assertThat(pairs()).isZero();
        jdbc.sql("alter table lesson disable trigger lesson_changed").update();
        lesson("2027-03-08T10:15:00Z", 30);
        jdbc.sql("insert into lesson_change (xid, changed_at) values ('1', now() - interval '25 hours')")
                .update();
        assertThat(pairs()).as("kept: nothing says the lessons changed").isZero();

        // the count was made over an hour ago by the database's clock
        jdbc.sql("update lesson_change set changed_at = changed_at - interval '2 hours'")
                .update();
        backdateTheKeptCount(Duration.ofMinutes(61));
        assertThat(pairs()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from lesson_change where xid = '1'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theStudioAppWritesLessonsWithoutAnyRightOnTheNotes() {
        String role = "studio_app_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("create role " + role).update();
        try {
            jdbc.sql("grant usage on schema " + schema() + " to " + role).update();
            jdbc.sql("grant select, insert, update, delete on lesson to " + role)
                    .update();
            assertThat(pairs()).isZero();
            lessonAs(role, "2027-03-08T10:00:00Z");
            lessonAs(role, "2027-03-08T10:10:00Z");
            assertThat(pairs()).isEqualTo(1);
        } finally {
            jdbc.sql("drop owned by " + role).update();
            jdbc.sql("drop role " + role).update();
        }
    }

    private long notes() {
        return jdbc.sql("select count(*) from lesson_change").query(Long.class).single();
    }

    private long pairs() {
        return doubleBookings
                .check(() -> {
                    throw new AssertionError("double bookings need no indicators");
                })
                .map(HealthIssue::count)
                .orElse(0L);
    }

    private void backdateTheKeptCount(Duration by) {
        StudioHealthChecks.DoubleBookings.Count kept = doubleBookings.kept();
        doubleBookings.keep(new StudioHealthChecks.DoubleBookings.Count(
                new ChangeNotes.Seen(
                        kept.seen().snapshot(), kept.seen().countedAt().minus(by)),
                kept.now(),
                kept.pairs(),
                kept.firstStart()));
    }

    private void lesson(String startAt, int minutes) {
        jdbc.sql("""
                insert into lesson (teacher_id, student_id, start_at, duration_minutes, timezone)
                values (?, ?, ?, ?, 'UTC')
                """)
                .params(teacher, student, Timestamp.from(Instant.parse(startAt)), minutes)
                .update();
    }

    private void lessonAs(String role, String startAt) {
        try (Connection studioApp = dataSource.getConnection()) {
            studioApp.setAutoCommit(false);
            try (PreparedStatement setRole = studioApp.prepareStatement("set local role " + role);
                    PreparedStatement insert = studioApp.prepareStatement("""
                            insert into lesson (teacher_id, student_id, start_at, duration_minutes, timezone)
                            values (?, ?, ?, 30, 'UTC')
                            """)) {
                setRole.execute();
                insert.setObject(1, teacher);
                insert.setObject(2, student);
                insert.setTimestamp(3, Timestamp.from(Instant.parse(startAt)));
                insert.executeUpdate();
            }
            studioApp.commit();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private String schema() {
        return jdbc.sql("select current_schema()").query(String.class).single();
    }
}
