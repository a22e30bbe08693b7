package com.guitarstudio.lessons.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.StudioFixtures;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A run visits exactly the teachers whose slots get lessons, and those whose slots stopped getting
 * them since their lessons were planned, in id order, a chunk at a time.
 */
@IntegrationTest
class SlotChunksTests {

    @Autowired
    SlotChunks chunks;

    @Autowired
    StudioFixtures studio;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyTables() {
        studio.empty();
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

        List<TeacherSlots> found = chunks.next(SlotChunks.BEFORE_FIRST_TEACHER, 100);

        assertThat(slotsOf(found)).extracting(SlotState::slotId).containsExactly(eligible);
        assertThat(chunks.countTeachers()).isEqualTo(1);
        TeacherSlots teacher = found.get(0);
        assertThat(teacher.teacherName()).isEqualTo("Eligible");
        assertThat(teacher.timezone()).isEqualTo("Europe/London");
        SlotState slot = teacher.slots().get(0);
        assertThat(slot.eligible()).isTrue();
        assertThat(slot.terms().day()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(slot.terms().startTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(slot.terms().durationMinutes()).isEqualTo(30);
        assertThat(slot.terms().price()).isEqualTo(2500);
        assertThat(slot.generatedThrough()).isNull();
        assertThat(slot.planned()).isNull();
    }

    @Test
    void aSlotThatStoppedGettingLessonsIsVisitedUntilItsLessonsAreInLine() {
        UUID slot =
                studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        planned(slot, true);
        studio.update("update recurring_slot set status = 'CANCELLED' where id = ?", slot);

        List<TeacherSlots> visited = chunks.next(SlotChunks.BEFORE_FIRST_TEACHER, 100);

        assertThat(slotsOf(visited)).singleElement().satisfies(state -> {
            assertThat(state.slotId()).isEqualTo(slot);
            assertThat(state.eligible()).isFalse();
            assertThat(state.planned().eligible()).isTrue();
            assertThat(state.changed()).isTrue();
        });
        assertThat(chunks.countTeachers()).isEqualTo(1);

        planned(slot, false);
        assertThat(chunks.next(SlotChunks.BEFORE_FIRST_TEACHER, 100)).isEmpty();
        assertThat(chunks.countTeachers()).isZero();
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

        List<TeacherSlots> first = chunks.next(SlotChunks.BEFORE_FIRST_TEACHER, 2);
        List<TeacherSlots> second = chunks.next(first.get(1).teacherId(), 2);
        List<TeacherSlots> third = chunks.next(second.get(1).teacherId(), 2);
        List<TeacherSlots> end = chunks.next(third.get(0).teacherId(), 2);

        assertThat(slotsOf(first)).hasSize(4);
        assertThat(slotsOf(second)).hasSize(4);
        assertThat(slotsOf(third)).hasSize(2);
        assertThat(end).isEmpty();
        List<UUID> teachersInOrder = jdbc.sql("select id from teacher_profile order by id")
                .query(UUID.class)
                .list();
        assertThat(Stream.of(first, second, third).flatMap(List::stream).map(TeacherSlots::teacherId))
                .containsExactlyElementsOf(teachersInOrder);
        assertThat(slotsOf(first).get(0).slotId()).isEqualTo(firstSlot);
        assertThat(slotsOf(first).get(0).generatedThrough()).isEqualTo(LocalDate.of(2027, 3, 8));
        assertThat(slotsOf(first).get(1).generatedThrough()).isNull();
    }

    /** Records the slot's terms as planned now, as a run that brought its lessons in line would. */
    private void planned(UUID slot, boolean eligible) {
        jdbc.sql("""
                insert into planned_slot (slot_id, eligible, teacher_id, student_id, timezone, day_of_week, start_time,
                                          duration_minutes, price, starts_on, ends_on, interval_weeks)
                select r.id, ?, r.teacher_id, r.student_id, t.timezone, r.day_of_week, r.start_time, r.duration_minutes,
                       r.per_lesson_price, r.starts_on, r.ends_on, r.interval_weeks
                from recurring_slot r join teacher_profile t on t.id = r.teacher_id where r.id = ?
                on conflict (slot_id) do update set eligible = excluded.eligible
                """).params(eligible, slot).update();
    }

    private static List<SlotState> slotsOf(List<TeacherSlots> teachers) {
        return teachers.stream().flatMap(teacher -> teacher.slots().stream()).toList();
    }

    private UUID teacherOf(UUID slot) {
        return jdbc.sql("select teacher_id from recurring_slot where id = ?")
                .param(slot)
                .query(UUID.class)
                .single();
    }
}
