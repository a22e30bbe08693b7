package com.guitarstudio.lessons.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.StudioFixtures;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The entities read and write the shared tables the way the studio's main app does, and the slot
 * repository knows whether any slot gets lessons (which slots exactly: {@code SlotChunksTests}).
 */
@IntegrationTest
class StudioRepositoriesTests {

    @Autowired
    AppUserRepository users;

    @Autowired
    TeacherProfileRepository teachers;

    @Autowired
    StudentProfileRepository students;

    @Autowired
    RecurringSlotCrudRepository slotEntities;

    @Autowired
    EligibleSlots slots;

    @Autowired
    StudioFixtures studio;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyTables() {
        studio.empty();
    }

    @Test
    void dayOfWeekIsStoredCountingFromSunday() {
        RecurringSlot sunday = saveSlot(DayOfWeek.SUNDAY);
        RecurringSlot tuesday = saveSlot(DayOfWeek.TUESDAY);
        RecurringSlot saturday = saveSlot(DayOfWeek.SATURDAY);

        assertThat(storedDay(sunday)).isEqualTo(0);
        assertThat(storedDay(tuesday)).isEqualTo(2);
        assertThat(storedDay(saturday)).isEqualTo(6);
        assertThat(slotEntities.findById(saturday.getId()).orElseThrow().getDayOfWeek())
                .isEqualTo(DayOfWeek.SATURDAY);
    }

    @Test
    void readsRowsWrittenByAnotherProgramWithDatabaseDefaults() {
        jdbc.sql("""
                with u as (insert into app_user (email, name, role) values ('T@Example.com', 'Teacher', 'TEACHER') returning id)
                insert into teacher_profile (user_id) select id from u
                """).update();

        TeacherProfile teacher = teachers.findAll().get(0);
        assertThat(teacher.getTimezone()).isEqualTo("America/Chicago");
        assertThat(teacher.isActive()).isTrue();
        assertThat(teacher.isAdmin()).isFalse();
        Instant databaseNow = jdbc.sql("select now()").query(Instant.class).single();
        assertThat(teacher.getCreatedAt()).isBetween(databaseNow.minusSeconds(60), databaseNow);
        assertThat(users.findByEmail("t@example.COM")).isPresent();
    }

    @Test
    void emailsAreUniqueRegardlessOfCase() {
        users.saveAndFlush(new AppUser("Ana@Studio.test", "Ana", Role.STUDENT, null));

        assertThatThrownBy(() -> users.saveAndFlush(new AppUser("ana@studio.TEST", "Ana Again", Role.STUDENT, null)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void deletingAUserRemovesTheirProfileAndSlots() {
        RecurringSlot slot = saveSlot(DayOfWeek.MONDAY);

        users.deleteById(slot.getTeacher().getUser().getId());

        assertThat(teachers.count()).isZero();
        assertThat(students.count()).isZero();
        assertThat(slotEntities.count()).isZero();
    }

    @Test
    void onlyActiveSlotsOfActiveTeachersAndTheirOwnActiveStudentsAreEligible() {
        UUID eligible = studio.teacherWithOneSlot("Eligible", "Europe/London", DayOfWeek.MONDAY, LocalTime.of(9, 0));
        UUID cancelled = studio.teacherWithOneSlot("Cancelled", "UTC", DayOfWeek.MONDAY, LocalTime.NOON);
        studio.update("update recurring_slot set status = 'CANCELLED' where id = ?", cancelled);

        assertThat(slots.exist()).isTrue();

        studio.update("update recurring_slot set status = 'SUSPENDED' where id = ?", eligible);
        assertThat(slots.exist()).isFalse();
    }

    private RecurringSlot saveSlot(DayOfWeek day) {
        String suffix = day.name().toLowerCase();
        AppUser teacherUser = users.save(new AppUser("teacher-" + suffix + "@studio.test", "T", Role.TEACHER, null));
        TeacherProfile teacher = teachers.save(new TeacherProfile(teacherUser, "Europe/London"));
        AppUser studentUser = users.save(new AppUser("student-" + suffix + "@studio.test", "S", Role.STUDENT, null));
        StudentProfile student = students.save(new StudentProfile(studentUser, teacher));
        return slotEntities.save(new RecurringSlot(
                teacher, student, day, LocalTime.of(17, 30), 30, 2500, Instant.parse("2026-11-01T00:00:00Z")));
    }

    private int storedDay(RecurringSlot slot) {
        return jdbc.sql("select day_of_week from recurring_slot where id = ?")
                .param(slot.getId())
                .query(Integer.class)
                .single();
    }
}
