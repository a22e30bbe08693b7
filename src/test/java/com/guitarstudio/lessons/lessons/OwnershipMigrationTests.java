package com.guitarstudio.lessons.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestDatabase;
import com.guitarstudio.lessons.config.DatabaseConnection;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V11 on a studio's database that already holds lessons: a lesson counts as the service's only where
 * it matches its slot's current plan exactly, so anything a person may have changed before the
 * upgrade is never touched; marking lessons does not touch their {@code updated_at}; every slot that
 * gets lessons is recorded as planned with its terms now, so the first run finds nothing to change.
 */
class OwnershipMigrationTests {

    private DatabaseConnection database;

    @AfterEach
    void drop() {
        if (database != null) {
            TestDatabase.drop(database);
        }
    }

    @Test
    void lessonsFromBeforeV11AreTheServicesOnlyWhereTheyMatchTheirSlotExactly() {
        database = TestDatabase.createEmptyDatabase();
        DataSource dataSource = TestDatabase.dataSource(database);
        TestDatabase.migrate(dataSource, "10");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        StudioFixtures studio = new StudioFixtures(jdbc);
        // Sundays 02:30 in Chicago: on 14 March 2027 that time does not exist and the lesson is at 03:30
        UUID sundays =
                studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.SUNDAY, LocalTime.of(2, 30));
        UUID teacher = jdbc.sql("select teacher_id from recurring_slot where id = ?")
                .param(sundays)
                .query(UUID.class)
                .single();
        UUID cancelled =
                studio.slot(teacher, studio.student("Gone", teacher), DayOfWeek.MONDAY, LocalTime.of(16, 0), 30, 2500);
        studio.update("""
                insert into lesson (teacher_id, student_id, recurring_slot_id, occurrence_date, start_at, duration_minutes,
                                    price, timezone, status, is_recurring, updated_at)
                select r.teacher_id, r.student_id, r.id, d.day::date, d.at::timestamptz, 30, d.price, 'America/Chicago',
                       d.status, true, timestamptz '2026-01-01T00:00:00Z'
                from recurring_slot r,
                     (values ('2027-03-07', '2027-03-07T08:30:00Z', 2500, 'SCHEDULED'),
                             ('2027-03-14', '2027-03-14T08:30:00Z', 2500, 'SCHEDULED'),
                             ('2027-03-21', '2027-03-21T07:30:00Z', 2500, 'SCHEDULED'),
                             ('2027-03-28', '2027-03-28T08:30:00Z', 2500, 'SCHEDULED'),
                             ('2027-04-04', '2027-04-04T07:30:00Z', 4000, 'SCHEDULED'),
                             ('2027-04-11', '2027-04-11T07:30:00Z', 2500, 'CANCELLED'),
                             ('2027-04-18', '2027-04-18T07:30:00Z', 2500, 'COMPLETED'))
                       as d(day, at, price, status)
                where r.id = ?
                """, sundays);
        studio.update("""
                insert into lesson (teacher_id, student_id, recurring_slot_id, occurrence_date, start_at, duration_minutes,
                                    price, timezone, is_recurring, updated_at)
                select teacher_id, student_id, id, '2027-03-08', '2027-03-08T22:00:00Z', 30, 2500, 'America/Chicago', true,
                       timestamptz '2026-01-01T00:00:00Z'
                from recurring_slot where id = ?
                """, cancelled);
        studio.update("update recurring_slot set status = 'CANCELLED' where id = ?", cancelled);

        TestDatabase.migrate(dataSource, "latest");

        assertThat(jdbc.sql("""
                        select occurrence_date::text from lesson
                        where written_status is not null
                          and (written_start_at, written_duration_minutes, written_price, written_status)
                              = (start_at, duration_minutes, price, status)
                        order by occurrence_date
                        """).query(String.class).list())
                .as("the service's: on the slot's plan (the gap's 03:30 included), nothing else")
                .containsExactly("2027-03-07", "2027-03-14", "2027-03-21");
        assertThat(jdbc.sql("select distinct updated_at::text from lesson")
                        .query(String.class)
                        .list())
                .as("no lesson looks changed to the studio app")
                .containsExactly("2026-01-01 00:00:00+00");
        List<String> planned = jdbc.sql(
                        "select slot_id::text || ' ' || eligible || ' ' || start_time from planned_slot")
                .query(String.class)
                .list();
        assertThat(planned).containsExactly(sundays + " true 02:30:00");
    }
}
