package com.guitarstudio.lessons.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.StudioFixtures;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The entities read and write the shared tables the way the studio's main app does, and the slot
 * repository reads exactly the slots that get lessons.
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
    RecurringSlotRepository slots;

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
        UUID inactiveTeacher = studio.teacherWithOneSlot("Gone Teacher", "UTC", DayOfWeek.MONDAY, LocalTime.NOON);
        UUID inactiveStudent = studio.teacherWithOneSlot("Gone Student", "UTC", DayOfWeek.MONDAY, LocalTime.NOON);
        UUID movedStudent = studio.teacherWithOneSlot("Moved Student", "UTC", DayOfWeek.MONDAY, LocalTime.NOON);
        studio.update("update recurring_slot set status = 'CANCELLED' where id = ?", cancelled);
        studio.update("update teacher_profile set is_active = false where id = ?", teacherOf(inactiveTeacher));
        studio.update(
                "update student_profile set is_active = false where id = (select student_id from recurring_slot where id = ?)",
                inactiveStudent);
        studio.update(
                "update student_profile set teacher_id = ? where id = (select student_id from recurring_slot where id = ?)",
                teacherOf(eligible),
                movedStudent);

        List<EligibleSlot> found =
                slots.findEligibleSlotsOfNextTeachers(RecurringSlotRepository.BEFORE_FIRST_TEACHER, 100);

        assertThat(found).extracting(EligibleSlot::slotId).containsExactly(eligible);
        assertThat(slots.countTeachersWithEligibleSlots()).isEqualTo(1);
        assertThat(slots.existsEligibleSlot()).isTrue();
        EligibleSlot slot = found.get(0);
        assertThat(slot.teacherName()).isEqualTo("Eligible");
        assertThat(slot.timezone()).isEqualTo("Europe/London");
        assertThat(slot.day()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(slot.startTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(slot.durationMinutes()).isEqualTo(30);
        assertThat(slot.price()).isEqualTo(2500);
        assertThat(slot.generatedThrough()).isNull();

        studio.update("update recurring_slot set status = 'SUSPENDED' where id = ?", eligible);
        assertThat(slots.existsEligibleSlot()).isFalse();
    }

    @Test
    void slotsComeTeacherByTeacherInIdOrderWithTheirLatestLessonDate() {
        studio.bulk("keyset", 5, 2);
        UUID firstSlot = jdbc.sql("select id from recurring_slot order by teacher_id, id limit 1")
                .query(UUID.class)
                .single();
        jdbc.sql("""
                insert into lesson (teacher_id, student_id, recurring_slot_id, occurrence_date, start_at, duration_minutes, timezone)
                select teacher_id, student_id, id, d, d + time '08:00', 30, 'UTC'
                from recurring_slot, (values (date '2027-03-01'), (date '2027-03-08')) dates(d) where id = ?
                """).param(firstSlot).update();

        List<EligibleSlot> first =
                slots.findEligibleSlotsOfNextTeachers(RecurringSlotRepository.BEFORE_FIRST_TEACHER, 2);
        List<EligibleSlot> second =
                slots.findEligibleSlotsOfNextTeachers(first.get(3).teacherId(), 2);
        List<EligibleSlot> third =
                slots.findEligibleSlotsOfNextTeachers(second.get(3).teacherId(), 2);
        List<EligibleSlot> end =
                slots.findEligibleSlotsOfNextTeachers(third.get(1).teacherId(), 2);

        assertThat(first).hasSize(4);
        assertThat(second).hasSize(4);
        assertThat(third).hasSize(2);
        assertThat(end).isEmpty();
        List<UUID> teachersInOrder = jdbc.sql("select id from teacher_profile order by id")
                .query(UUID.class)
                .list();
        assertThat(java.util.stream.Stream.of(first, second, third)
                        .flatMap(List::stream)
                        .map(EligibleSlot::teacherId)
                        .distinct())
                .containsExactlyElementsOf(teachersInOrder);
        assertThat(first.get(0).slotId()).isEqualTo(firstSlot);
        assertThat(first.get(0).generatedThrough()).isEqualTo(LocalDate.of(2027, 3, 8));
        assertThat(first.get(1).generatedThrough()).isNull();
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

    private UUID teacherOf(UUID slot) {
        return jdbc.sql("select teacher_id from recurring_slot where id = ?")
                .param(slot)
                .query(UUID.class)
                .single();
    }
}
