package com.guitarstudio.lessons.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestDatabase;
import com.guitarstudio.lessons.config.DatabaseConnection;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V8 on a studio's database that already holds a negative price (the studio app wrote it before the
 * check existed): the migration does not fail, the check applies to new and changed rows, and a
 * table without such rows gets its check validated.
 */
class NonNegativePricesMigrationTests {

    private DatabaseConnection database;

    @AfterEach
    void drop() {
        if (database != null) {
            TestDatabase.drop(database);
        }
    }

    @Test
    void aNegativePriceWrittenBeforeV8KeepsTheMigrationGoingAndNewOnesAreRefused() {
        database = TestDatabase.createEmptyDatabase();
        DataSource dataSource = TestDatabase.dataSource(database);
        TestDatabase.migrate(dataSource, "7");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        StudioFixtures studio = new StudioFixtures(jdbc);
        UUID slot = studio.teacherWithOneSlot("Old Price", "UTC", DayOfWeek.MONDAY, LocalTime.NOON);
        studio.update("update recurring_slot set per_lesson_price = -500 where id = ?", slot);

        TestDatabase.migrate(dataSource, "latest");

        assertThat(validated(jdbc, "recurring_slot_per_lesson_price_check"))
                .as("not validated: an old row breaks it")
                .isFalse();
        assertThat(validated(jdbc, "lesson_price_check")).isTrue();
        assertThat(jdbc.sql("select per_lesson_price from recurring_slot where id = ?")
                        .param(slot)
                        .query(Integer.class)
                        .single())
                .as("the old row is left as it was")
                .isEqualTo(-500);
        assertThatThrownBy(() -> studio.update("update recurring_slot set per_lesson_price = -1 where id = ?", slot))
                .isInstanceOf(DataIntegrityViolationException.class);
        UUID other = studio.teacherWithOneSlot("New Price", "UTC", DayOfWeek.MONDAY, LocalTime.NOON);
        assertThatThrownBy(() -> studio.update("update recurring_slot set per_lesson_price = -1 where id = ?", other))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static boolean validated(JdbcClient jdbc, String constraint) {
        return jdbc.sql("select convalidated from pg_constraint where conname = ?")
                .param(constraint)
                .query(Boolean.class)
                .single();
    }
}
