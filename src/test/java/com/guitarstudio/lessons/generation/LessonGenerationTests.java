package com.guitarstudio.lessons.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TeacherRows;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a run writes, for whom, and what it leaves alone on real PostgreSQL (the rules are in docs/architecture.md). */
@IntegrationTest
class LessonGenerationTests {

    @Autowired
    LessonGenerationService generation;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyStudio() {
        studio.empty();
        clock.set(IntegrationTestConfiguration.START);
    }

    @AfterEach
    void dropInjectedFailure() {
        studio.acceptEveryLesson();
    }

    record LessonRow(
            UUID slotId,
            LocalDate occurrenceDate,
            Instant startAt,
            int durationMinutes,
            int price,
            String timezone,
            String status,
            boolean isRecurring) {}

    @Test
    void writesExactlyTheLessonsOfTheWindowAcrossDaylightSaving() {
        // Monday 2027-03-01 12:00 UTC; Chicago moves to daylight saving time on Sunday 2027-03-14.
        UUID teacher = studio.teacher("Maria Lopez", "America/Chicago");
        UUID student = studio.student("Ben Adams", teacher);
        UUID slot = studio.slot(teacher, student, DayOfWeek.TUESDAY, LocalTime.of(17, 30), 45, 4200);

        GenerationResult result = generation.run(JobTrigger.MANUAL, "admin@studio.test");

        List<LessonRow> expected = List.of(
                lesson(slot, "2027-03-02", "2027-03-02T23:30:00Z"),
                lesson(slot, "2027-03-09", "2027-03-09T23:30:00Z"),
                lesson(slot, "2027-03-16", "2027-03-16T22:30:00Z"),
                lesson(slot, "2027-03-23", "2027-03-23T22:30:00Z"),
                lesson(slot, "2027-03-30", "2027-03-30T22:30:00Z"),
                lesson(slot, "2027-04-06", "2027-04-06T22:30:00Z"),
                lesson(slot, "2027-04-13", "2027-04-13T22:30:00Z"),
                lesson(slot, "2027-04-20", "2027-04-20T22:30:00Z"),
                lesson(slot, "2027-04-27", "2027-04-27T22:30:00Z"),
                lesson(slot, "2027-05-04", "2027-05-04T22:30:00Z"),
                lesson(slot, "2027-05-11", "2027-05-11T22:30:00Z"),
                lesson(slot, "2027-05-18", "2027-05-18T22:30:00Z"));
        assertThat(lessons()).containsExactlyElementsOf(expected);
        assertThat(result.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(result.lessonsGenerated()).isEqualTo(12);
        assertThat(result.teachersProcessed()).isEqualTo(1);
        assertThat(result.slotsProcessed()).isEqualTo(1);
        assertThat(result.errors()).isEmpty();
        assertThat(jdbc.sql("select distinct teacher_id::text || student_id::text from lesson")
                        .query(String.class)
                        .single())
                .isEqualTo(teacher.toString() + student);
    }

    @Test
    void aSecondRunInsertsNothing() {
        studio.teacherWithOneSlot("Olivia Brown", "Europe/London", DayOfWeek.WEDNESDAY, LocalTime.of(9, 0));
        generation.run(JobTrigger.MANUAL, null);

        GenerationResult second = generation.run(JobTrigger.CRON, "vercel-cron/1.0");

        assertThat(second.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(second.lessonsGenerated()).isZero();
        assertThat(second.teachersProcessed()).isEqualTo(1);
        assertThat(studio.lessonCount()).isEqualTo(12);
    }

    @Test
    void aCancelledOrMovedLessonIsNotGeneratedAgain() {
        UUID slot =
                studio.teacherWithOneSlot("James Carter", "America/New_York", DayOfWeek.THURSDAY, LocalTime.of(16, 0));
        generation.run(JobTrigger.MANUAL, null);
        jdbc.sql(
                        "update lesson set status = 'CANCELLED' where recurring_slot_id = ? and occurrence_date = '2027-03-04'")
                .param(slot)
                .update();
        jdbc.sql(
                        "update lesson set start_at = start_at + interval '2 hours' where recurring_slot_id = ? and occurrence_date = '2027-03-11'")
                .param(slot)
                .update();

        GenerationResult again = generation.run(JobTrigger.MANUAL, null);

        assertThat(again.lessonsGenerated()).isZero();
        assertThat(studio.lessonCount()).isEqualTo(12);
        assertThat(jdbc.sql("select start_at from lesson where occurrence_date = '2027-03-11'")
                        .query(Instant.class)
                        .single())
                .isEqualTo(Instant.parse("2027-03-11T23:00:00Z"));
        assertThat(jdbc.sql("select status from lesson where occurrence_date = '2027-03-04'")
                        .query(String.class)
                        .single())
                .isEqualTo("CANCELLED");
    }

    @Test
    void aWeekLaterOneMoreLessonPerSlotAppearsAtTheEndOfTheWindow() {
        UUID slot = studio.teacherWithOneSlot("Priya Sharma", "Asia/Kolkata", DayOfWeek.MONDAY, LocalTime.of(18, 0));
        generation.run(JobTrigger.SCHEDULE, "schedule");
        clock.advance(Duration.ofDays(7));

        GenerationResult nextWeek = generation.run(JobTrigger.SCHEDULE, "schedule");

        assertThat(nextWeek.lessonsGenerated()).isEqualTo(1);
        assertThat(jdbc.sql("select max(occurrence_date) from lesson where recurring_slot_id = ?")
                        .param(slot)
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.parse("2027-05-31"));
    }

    @Test
    void aDeletedGeneratedLessonIsNotRecreatedButASlotMovedToAnotherDayGetsItsNewLessons() {
        UUID slot = studio.teacherWithOneSlot("Leo Fox", "Europe/London", DayOfWeek.WEDNESDAY, LocalTime.of(9, 0));
        generation.run(JobTrigger.MANUAL, null);
        jdbc.sql("delete from lesson where recurring_slot_id = ? and occurrence_date = '2027-03-17'")
                .param(slot)
                .update();

        assertThat(generation.run(JobTrigger.MANUAL, null).lessonsGenerated()).isZero();

        studio.update("update recurring_slot set day_of_week = 5 where id = ?", slot);
        GenerationResult moved = generation.run(JobTrigger.MANUAL, null);

        assertThat(moved.lessonsGenerated()).isEqualTo(12);
        assertThat(jdbc.sql(
                                "select count(*) from lesson where recurring_slot_id = ? and extract(dow from occurrence_date) = 5")
                        .param(slot)
                        .query(Long.class)
                        .single())
                .isEqualTo(12);
    }

    /**
     * The rule stated exactly (README, How lesson generation works): a run plans from each slot's
     * latest lesson, so deleting a slot's latest lessons is undone by the next run, deleting one in
     * the middle never is, and deleting them all gives the slot its whole window again.
     */
    @Test
    void deletingASlotsLatestLessonsIsUndoneByTheNextRunButAMiddleOneNever() {
        UUID slot = studio.teacherWithOneSlot("Ida Latest", "Europe/London", DayOfWeek.WEDNESDAY, LocalTime.of(9, 0));
        generation.run(JobTrigger.MANUAL, null);
        List<LocalDate> all = occurrences(slot);
        assertThat(all).hasSize(12);

        jdbc.sql("delete from lesson where recurring_slot_id = ? and occurrence_date in (?, ?, ?)")
                .params(slot, all.get(5), all.get(10), all.get(11))
                .update();
        GenerationResult next = generation.run(JobTrigger.MANUAL, null);

        assertThat(next.lessonsGenerated())
                .as("the two latest, planned again from the new latest date")
                .isEqualTo(2);
        List<LocalDate> after = new ArrayList<>(all);
        after.remove(5);
        assertThat(occurrences(slot)).as("the middle one stays deleted").isEqualTo(after);
        assertThat(generation.run(JobTrigger.MANUAL, null).lessonsGenerated()).isZero();

        jdbc.sql("delete from lesson where recurring_slot_id = ?").param(slot).update();
        assertThat(generation.run(JobTrigger.MANUAL, null).lessonsGenerated()).isEqualTo(12);
        assertThat(occurrences(slot)).isEqualTo(all);
    }

    private List<LocalDate> occurrences(UUID slot) {
        return jdbc.sql("select occurrence_date from lesson where recurring_slot_id = ? order by 1")
                .param(slot)
                .query(LocalDate.class)
                .list();
    }

    @Test
    void onlyActiveSlotsOfActiveTeachersAndTheirOwnActiveStudentsGetLessons() {
        UUID eligible = studio.teacherWithOneSlot("Eligible", "Europe/London", DayOfWeek.MONDAY, LocalTime.of(10, 0));
        UUID inactiveTeacher =
                studio.teacherWithOneSlot("Inactive Teacher", "Europe/London", DayOfWeek.MONDAY, LocalTime.of(10, 0));
        studio.update(
                "update teacher_profile set is_active = false where id = (select teacher_id from recurring_slot where id = ?)",
                inactiveTeacher);
        UUID inactiveStudent =
                studio.teacherWithOneSlot("Inactive Student", "Europe/London", DayOfWeek.MONDAY, LocalTime.of(10, 0));
        studio.update(
                "update student_profile set is_active = false where id = (select student_id from recurring_slot where id = ?)",
                inactiveStudent);
        UUID otherTeachersStudent =
                studio.teacherWithOneSlot("Moved", "Europe/London", DayOfWeek.MONDAY, LocalTime.of(10, 0));
        UUID newTeacher = studio.teacher("New Teacher", "Europe/London");
        studio.update(
                "update student_profile set teacher_id = ? where id = (select student_id from recurring_slot where id = ?)",
                newTeacher,
                otherTeachersStudent);
        for (String status : List.of("CANCELLED", "SUSPENDED", "EXPIRED")) {
            UUID slot = studio.teacherWithOneSlot(status, "Europe/London", DayOfWeek.MONDAY, LocalTime.of(10, 0));
            studio.update("update recurring_slot set status = ? where id = ?", status, slot);
        }

        GenerationResult result = generation.run(JobTrigger.MANUAL, null);

        assertThat(jdbc.sql("select distinct recurring_slot_id from lesson")
                        .query(UUID.class)
                        .list())
                .containsExactly(eligible);
        assertThat(result.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(result.teachersProcessed()).isEqualTo(1);
        assertThat(result.slotsProcessed()).isEqualTo(1);
    }

    @Test
    void aTeacherWithAnUnknownZoneIsReportedAndEveryoneElseGetsLessons() {
        List<UUID> fine = List.of(
                studio.teacherWithOneSlot("Ava Clark", "America/Chicago", DayOfWeek.MONDAY, LocalTime.of(15, 0)),
                studio.teacherWithOneSlot("Leo Fox", "Australia/Sydney", DayOfWeek.FRIDAY, LocalTime.of(8, 0)),
                studio.teacherWithOneSlot("Mia Hill", "Pacific/Chatham", DayOfWeek.SUNDAY, LocalTime.of(11, 0)),
                studio.teacherWithOneSlot("Sam Ito", "Asia/Kolkata", DayOfWeek.TUESDAY, LocalTime.of(19, 30)));
        UUID marsSlot =
                studio.teacherWithOneSlot("Zed Unknown", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.of(9, 0));
        UUID marsTeacher = teacherOf(marsSlot);

        GenerationResult result = generation.run(JobTrigger.MANUAL, null);

        assertThat(result.status()).isEqualTo(JobStatus.PARTIAL);
        assertThat(result.success()).isFalse();
        assertThat(result.errors())
                .containsExactly("Teacher Zed Unknown (" + marsTeacher
                        + "): unknown time zone 'Mars/Olympus_Mons'; use an IANA zone id such as America/Chicago");
        assertThat(result.teachersProcessed()).isEqualTo(4);
        assertThat(studio.lessonCount(marsTeacher)).isZero();
        // Ava's Monday 15:00 in Chicago is still ahead today (06:00 there): 13 Mondays through 24 May
        assertThat(fine.stream().map(slot -> studio.lessonCount(teacherOf(slot))))
                .containsExactly(13L, 12L, 12L, 12L);
    }

    @ParameterizedTest(name = "failing teacher is number {0} of 5 (chunks of 3)")
    @ValueSource(ints = {0, 2, 4})
    void aFailureInsideAChunkLeavesNoneOfItsRowsAndOnlyTheTeacherAtFaultIsReported(int failing) {
        List<UUID> teachers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID teacher = studio.teacher("Teacher " + i, "Europe/London");
            for (int s = 0; s < 3; s++) {
                // Monday to Wednesday 11:00 London: today's Monday lesson is already past, so 12 each
                studio.slot(
                        teacher,
                        studio.student("Student " + i + s, teacher),
                        DayOfWeek.of(1 + s),
                        LocalTime.of(11, 0),
                        30,
                        0);
            }
            teachers.add(teacher);
        }
        UUID faulty = teachers.get(failing);
        // The database refuses this teacher's last lesson, after the statement has written others.
        studio.refuseLessonOf(faulty, LocalDate.parse("2027-05-19"));

        GenerationResult result = generation.run(JobTrigger.MANUAL, null);

        assertThat(result.status()).isEqualTo(JobStatus.PARTIAL);
        assertThat(result.errors())
                .containsExactly("Teacher Teacher " + failing + " (" + faulty + "): injected failure for " + faulty);
        assertThat(studio.lessonCount(faulty)).isZero();
        for (UUID teacher : teachers) {
            if (!teacher.equals(faulty)) {
                assertThat(studio.lessonCount(teacher)).isEqualTo(3 * 12);
            }
        }
        assertThat(result.teachersProcessed()).isEqualTo(4);
        assertThat(result.slotsProcessed()).isEqualTo(12);
        assertThat(result.lessonsGenerated()).isEqualTo(4 * 3 * 12);
        TeacherRows.addUpToTheRun(jdbc, result.jobLogId());
        assertThat(jdbc.sql("select slots || ' ' || lessons_generated || ' ' || error from job_log_teacher"
                                + " where job_log_id = ? and teacher_id = ?")
                        .params(result.jobLogId(), faulty)
                        .query(String.class)
                        .single())
                .isEqualTo("3 0 injected failure for " + faulty);
    }

    @Test
    void lessonsOfOtherProgramsAreNeverDuplicated() {
        UUID slot = studio.teacherWithOneSlot("Rosa Diaz", "UTC", DayOfWeek.WEDNESDAY, LocalTime.of(14, 0));
        // The main app already booked a one-off lesson for this pair at the slot's first instant.
        jdbc.sql("""
                insert into lesson (teacher_id, student_id, start_at, duration_minutes, timezone)
                select teacher_id, student_id, '2027-03-03T14:00:00Z', 60, 'UTC' from recurring_slot where id = ?
                """).param(slot).update();

        GenerationResult result = generation.run(JobTrigger.MANUAL, null);

        assertThat(result.lessonsGenerated()).isEqualTo(11);
        assertThat(jdbc.sql("select count(*) from lesson where start_at = '2027-03-03T14:00:00Z'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private UUID teacherOf(UUID slot) {
        return jdbc.sql("select teacher_id from recurring_slot where id = ?")
                .param(slot)
                .query(UUID.class)
                .single();
    }

    private List<LessonRow> lessons() {
        return jdbc.sql("""
                select recurring_slot_id, occurrence_date, start_at, duration_minutes, price, timezone, status, is_recurring
                from lesson order by start_at
                """)
                .query((rs, n) -> new LessonRow(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBoolean(8)))
                .list();
    }

    private static LessonRow lesson(UUID slot, String date, String startAt) {
        return new LessonRow(
                slot, LocalDate.parse(date), Instant.parse(startAt), 45, 4200, "America/Chicago", "SCHEDULED", true);
    }
}
