package com.guitarstudio.lessons.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TeacherRows;
import com.guitarstudio.lessons.generation.GenerationResult;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A slot changed after its lessons were written: the next run brings the lessons the service wrote in
 * line with it, on real PostgreSQL, and never deletes one nor touches one a person changed. The studio
 * is Maria Lopez in Chicago, whose student Ben has Tuesdays at 17:30 (the clock stands at Monday
 * 2027-03-01 12:00 UTC; Chicago moves to daylight saving time on Sunday 14 March).
 */
@IntegrationTest
class LessonsFollowTheirSlotTests {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Autowired
    LessonGenerationService generation;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClosedLessons closedLessons;

    @Autowired
    TransactionTemplate transactions;

    UUID teacher;
    UUID student;
    UUID slot;

    @BeforeEach
    void mariaTeachesBenOnTuesdays() {
        studio.empty();
        clock.set(IntegrationTestConfiguration.START);
        teacher = studio.teacher("Maria Lopez", "America/Chicago");
        student = studio.student("Ben Adams", teacher);
        slot = studio.slot(teacher, student, DayOfWeek.TUESDAY, LocalTime.of(17, 30), 30, 2500);
        assertThat(run().lessonsGenerated()).isEqualTo(12);
    }

    record Row(
            UUID id,
            UUID slotId,
            LocalDate occurrenceDate,
            Instant startAt,
            int durationMinutes,
            int price,
            String status,
            String cancelReason,
            UUID closureId,
            Instant updatedAt) {

        LocalDateTime local() {
            return LocalDateTime.ofInstant(startAt, CHICAGO);
        }
    }

    @Test
    void aNewTimeOnTheSameWeekdayMovesEveryLessonInPlaceAcrossTheChangeToDaylightSaving() {
        List<Row> before = lessons();
        studio.update("update recurring_slot set start_time = '18:00' where id = ?", slot);

        GenerationResult result = run();

        assertThat(result.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(result.lessonsUpdated()).isEqualTo(12);
        assertThat(result.lessonsGenerated()).isZero();
        assertThat(result.lessonsCancelled()).isZero();
        List<Row> after = lessons();
        assertThat(after).extracting(Row::id).containsExactlyElementsOf(ids(before));
        assertThat(after).extracting(Row::occurrenceDate).containsExactlyElementsOf(dates(before));
        assertThat(after).allSatisfy(row -> {
            assertThat(row.local().toLocalTime()).isEqualTo(LocalTime.of(18, 0));
            assertThat(row.status()).isEqualTo("SCHEDULED");
        });
        assertThat(after.get(0).startAt()).isEqualTo(Instant.parse("2027-03-03T00:00:00Z")); // CST, UTC-6
        assertThat(after.get(2).startAt()).isEqualTo(Instant.parse("2027-03-16T23:00:00Z")); // CDT, UTC-5
        TeacherRows.addUpToTheRun(jdbc, result.jobLogId());
    }

    @Test
    void aSlotMovedToAnotherWeekdayCancelsItsLessonsAndGetsNewOnesWithNothingDeleted() {
        List<Row> before = lessons();
        studio.update("update recurring_slot set day_of_week = 3, start_time = '18:00' where id = ?", slot);

        GenerationResult result = run();

        assertThat(result.lessonsCancelled()).isEqualTo(12);
        assertThat(result.lessonsGenerated()).isEqualTo(12);
        assertThat(studio.lessonCount()).as("nothing deleted").isEqualTo(24);
        assertThat(lessonsWith("CANCELLED")).extracting(Row::id).containsExactlyElementsOf(ids(before));
        assertThat(lessonsWith("CANCELLED")).allSatisfy(row -> {
            assertThat(row.cancelReason()).isEqualTo("SLOT_CHANGED");
            assertThat(row.occurrenceDate().getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
        });
        assertThat(lessonsWith("SCHEDULED")).hasSize(12).allSatisfy(row -> {
            assertThat(row.occurrenceDate().getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
            assertThat(row.local().toLocalTime()).isEqualTo(LocalTime.of(18, 0));
        });
        TeacherRows.addUpToTheRun(jdbc, result.jobLogId());
    }

    @Test
    void aNewPriceAndANewLengthReachEveryLessonInPlace() {
        List<Row> before = lessons();
        studio.update("update recurring_slot set per_lesson_price = 3200, duration_minutes = 45 where id = ?", slot);

        GenerationResult result = run();

        assertThat(result.lessonsUpdated()).isEqualTo(12);
        assertThat(lessons()).extracting(Row::id).containsExactlyElementsOf(ids(before));
        assertThat(lessons()).allSatisfy(row -> {
            assertThat(row.price()).isEqualTo(3200);
            assertThat(row.durationMinutes()).isEqualTo(45);
            assertThat(row.status()).isEqualTo("SCHEDULED");
        });
        assertThat(lessons()).extracting(Row::startAt).containsExactlyElementsOf(starts(before));
    }

    @Test
    void aSlotThatEndsCancelsTheLessonsAfterItsLastDate() {
        studio.update("update recurring_slot set ends_on = '2027-03-14' where id = ?", slot);

        GenerationResult result = run();

        assertThat(result.lessonsCancelled()).isEqualTo(10);
        assertThat(lessonsWith("SCHEDULED"))
                .extracting(Row::occurrenceDate)
                .containsExactly(LocalDate.parse("2027-03-02"), LocalDate.parse("2027-03-09"));
        assertThat(lessonsWith("CANCELLED"))
                .hasSize(10)
                .allSatisfy(row -> assertThat(row.occurrenceDate()).isAfter(LocalDate.parse("2027-03-14")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "update recurring_slot set status = 'CANCELLED' where id = :slot",
                "update recurring_slot set status = 'SUSPENDED' where id = :slot",
                "update student_profile set is_active = false where id = :student",
                "update teacher_profile set is_active = false where id = :teacher"
            })
    void aSlotThatNoLongerGetsLessonsHasThemAllCancelledOnce(String change) {
        jdbc.sql(change)
                .param("slot", slot)
                .param("student", student)
                .param("teacher", teacher)
                .update();

        GenerationResult result = run();

        assertThat(result.lessonsCancelled()).isEqualTo(12);
        assertThat(lessonsWith("CANCELLED")).hasSize(12);
        assertThat(studio.lessonCount()).isEqualTo(12);
        TeacherRows.addUpToTheRun(jdbc, result.jobLogId());
        GenerationResult again = run();
        assertThat(again.lessonsCancelled()).isZero();
        assertThat(again.teachersProcessed()).as("nobody left to visit").isZero();
    }

    @Test
    void everyOtherWeekCancelsTheWeeksBetweenAndEveryWeekAgainRestoresThem() {
        List<Row> before = lessons();
        studio.update("update recurring_slot set starts_on = '2027-03-02', interval_weeks = 2 where id = ?", slot);

        GenerationResult fortnightly = run();

        assertThat(fortnightly.lessonsCancelled()).isEqualTo(6);
        assertThat(lessonsWith("SCHEDULED"))
                .extracting(Row::occurrenceDate)
                .containsExactly(
                        LocalDate.parse("2027-03-02"),
                        LocalDate.parse("2027-03-16"),
                        LocalDate.parse("2027-03-30"),
                        LocalDate.parse("2027-04-13"),
                        LocalDate.parse("2027-04-27"),
                        LocalDate.parse("2027-05-11"));

        studio.update("update recurring_slot set interval_weeks = 1 where id = ?", slot);
        GenerationResult weekly = run();

        assertThat(weekly.lessonsUpdated()).as("restored").isEqualTo(6);
        assertThat(weekly.lessonsGenerated()).isZero();
        assertThat(lessons()).extracting(Row::id).containsExactlyElementsOf(ids(before));
        assertThat(lessons()).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo("SCHEDULED");
            assertThat(row.cancelReason()).isNull();
        });
    }

    @Test
    void aSlotThatMetEveryOtherWeekAndNowMeetsWeeklyGetsTheWeeksBetween() {
        studio.empty();
        teacher = studio.teacher("Maria Lopez", "America/Chicago");
        student = studio.student("Ben Adams", teacher);
        slot = studio.slot(teacher, student, DayOfWeek.TUESDAY, LocalTime.of(17, 30), 30, 2500);
        studio.term(slot, LocalDate.parse("2027-03-02"), null, 2);
        assertThat(run().lessonsGenerated()).isEqualTo(6);

        studio.update("update recurring_slot set interval_weeks = 1 where id = ?", slot);
        GenerationResult weekly = run();

        assertThat(weekly.lessonsGenerated()).isEqualTo(6);
        assertThat(lessonsWith("SCHEDULED")).hasSize(12);
    }

    @Test
    void aSlotMovedAwayAndBackGetsItsOwnLessonsBackAndCancelsTheOthers() {
        List<Row> tuesdays = lessons();
        studio.update("update recurring_slot set day_of_week = 3 where id = ?", slot);
        run();
        List<Row> wednesdays = lessonsWith("SCHEDULED");

        studio.update("update recurring_slot set day_of_week = 2 where id = ?", slot);
        GenerationResult back = run();

        assertThat(back.lessonsUpdated()).as("restored").isEqualTo(12);
        assertThat(back.lessonsCancelled()).isEqualTo(12);
        assertThat(back.lessonsGenerated()).isZero();
        assertThat(lessonsWith("SCHEDULED")).extracting(Row::id).containsExactlyElementsOf(ids(tuesdays));
        assertThat(lessonsWith("CANCELLED")).extracting(Row::id).containsExactlyElementsOf(ids(wednesdays));
        assertThat(studio.lessonCount()).isEqualTo(24);
    }

    @Test
    void aSlotMovedOntoAClosedDayHasThatLessonClosed() {
        UUID closure = studio.closure(null, LocalDate.parse("2027-03-10"), LocalDate.parse("2027-03-10"), "Spring");
        studio.update("update recurring_slot set day_of_week = 3 where id = ?", slot);

        run();

        assertThat(lessonsWith("CLOSED")).singleElement().satisfies(row -> {
            assertThat(row.occurrenceDate()).isEqualTo(LocalDate.parse("2027-03-10"));
            assertThat(row.closureId()).isEqualTo(closure);
        });
    }

    @Test
    void aClosedLessonKeepsItsClosureWhenItsSlotMovesWithinTheDay() {
        LocalDate away = LocalDate.parse("2027-03-09");
        UUID closure = studio.closure(teacher, away, away, "Away");
        Integer closing =
                transactions.execute(status -> closedLessons.close(new Closure(closure, teacher, away, away)));
        assertThat(closing).isEqualTo(1);
        studio.update("update recurring_slot set start_time = '16:00' where id = ?", slot);

        assertThat(run().lessonsUpdated()).isEqualTo(12);

        assertThat(lessonsWith("CLOSED")).singleElement().satisfies(closed -> {
            assertThat(closed.closureId()).isEqualTo(closure);
            assertThat(closed.local()).isEqualTo(LocalDateTime.parse("2027-03-09T16:00"));
        });
    }

    @Test
    void lessonsAPersonMovedCancelledRepricedOrCompletedAreLeftExactlyAsTheyAre() {
        studio.update("""
                update lesson set start_at = start_at + interval '90 minutes'
                where recurring_slot_id = ? and occurrence_date = '2027-03-09'
                """, slot);
        studio.update(
                "update lesson set status = 'CANCELLED' where recurring_slot_id = ? and occurrence_date = '2027-03-16'",
                slot);
        studio.update(
                "update lesson set price = 9999 where recurring_slot_id = ? and occurrence_date = '2027-03-23'", slot);
        studio.update(
                "update lesson set status = 'COMPLETED' where recurring_slot_id = ? and occurrence_date = '2027-03-30'",
                slot);
        List<Row> edited = lessons().subList(1, 5);
        studio.update("update recurring_slot set day_of_week = 3, per_lesson_price = 2800 where id = ?", slot);

        GenerationResult result = run();

        assertThat(lessons()).as("exactly as the person left them").containsAll(edited);
        assertThat(result.lessonsCancelled()).isEqualTo(8);
        assertThat(lessons())
                .filteredOn(row -> row.occurrenceDate().getDayOfWeek() == DayOfWeek.TUESDAY && !edited.contains(row))
                .hasSize(8)
                .allSatisfy(row -> assertThat(row.cancelReason()).isEqualTo("SLOT_CHANGED"));
    }

    @Test
    void aLessonWithinTheNoticePeriodIsHeldAndCountedOnce() {
        clock.set(Instant.parse("2027-03-02T00:00:00Z")); // Ben's first lesson is 23.5 hours away
        studio.update("update recurring_slot set start_time = '18:30' where id = ?", slot);

        GenerationResult result = run();

        assertThat(result.lessonsHeld()).isEqualTo(1);
        assertThat(result.lessonsUpdated()).isEqualTo(11);
        List<Row> after = lessons();
        assertThat(after.get(0).local()).as("held").isEqualTo(LocalDateTime.parse("2027-03-02T17:30"));
        assertThat(after.get(1).local()).isEqualTo(LocalDateTime.parse("2027-03-09T18:30"));
        assertThat(held()).containsExactly(after.get(0).id());
        TeacherRows.addUpToTheRun(jdbc, result.jobLogId());

        GenerationResult again = run();
        assertThat(again.lessonsHeld()).as("counted by the run that held it").isZero();
        assertThat(again.lessonsUpdated()).isZero();
    }

    @Test
    void aRunOverAnUnchangedStudioChangesNothing() {
        List<Row> before = lessons();

        GenerationResult result = run();

        assertThat(result.lessonsUpdated()).isZero();
        assertThat(result.lessonsCancelled()).isZero();
        assertThat(result.lessonsHeld()).isZero();
        assertThat(result.lessonsGenerated()).isZero();
        assertThat(lessons()).isEqualTo(before);
    }

    @Test
    void aNewSlotFromADateTakesOverTheLessonsOfTheSlotItReplaces() {
        List<Row> before = lessons();
        UUID replacement = studio.slot(teacher, student, DayOfWeek.TUESDAY, LocalTime.of(17, 30), 30, 3000);
        studio.term(replacement, LocalDate.parse("2027-03-22"), null, 1);
        studio.update("update recurring_slot set ends_on = '2027-03-21' where id = ?", slot);

        GenerationResult result = run();

        assertThat(result.lessonsUpdated()).isEqualTo(9);
        assertThat(result.lessonsCancelled()).isZero();
        assertThat(result.lessonsGenerated()).isZero();
        assertThat(lessons()).extracting(Row::id).containsExactlyElementsOf(ids(before));
        assertThat(lessons()).extracting(Row::startAt).containsExactlyElementsOf(starts(before));
        assertThat(lessons()).allSatisfy(row -> assertThat(row.status()).isEqualTo("SCHEDULED"));
        assertThat(lessons().subList(0, 3)).allSatisfy(row -> {
            assertThat(row.slotId()).isEqualTo(slot);
            assertThat(row.price()).isEqualTo(2500);
        });
        assertThat(lessons().subList(3, 12)).allSatisfy(row -> {
            assertThat(row.slotId()).isEqualTo(replacement);
            assertThat(row.price()).isEqualTo(3000);
        });
        TeacherRows.addUpToTheRun(jdbc, result.jobLogId());
    }

    @Test
    void aReplacementSlotAddedAfterTheOldOneEndedTakesOverItsCancelledLessons() {
        studio.update("update recurring_slot set ends_on = '2027-03-21' where id = ?", slot);
        assertThat(run().lessonsCancelled()).isEqualTo(9);
        UUID replacement = studio.slot(teacher, student, DayOfWeek.TUESDAY, LocalTime.of(17, 30), 30, 3000);
        studio.term(replacement, LocalDate.parse("2027-03-22"), null, 1);

        GenerationResult result = run();

        assertThat(result.lessonsUpdated()).isEqualTo(9);
        assertThat(result.lessonsGenerated()).isZero();
        assertThat(lessonsWith("SCHEDULED")).hasSize(12);
        assertThat(studio.lessonCount()).isEqualTo(12);
    }

    @Test
    void aLessonThatCannotMoveBecauseTheStudentHasAnotherThenIsTheTeachersErrorAndTheRestMove() {
        studio.update("""
                insert into lesson (teacher_id, student_id, start_at, duration_minutes, price, timezone)
                values (?, ?, '2027-03-10T00:00:00Z', 30, 4000, 'America/Chicago')
                """, teacher, student); // a one-off lesson on Tuesday 9 March at 18:00 in Chicago
        studio.update("update recurring_slot set start_time = '18:00' where id = ?", slot);

        GenerationResult result = run();

        assertThat(result.status()).isEqualTo(JobStatus.PARTIAL);
        assertThat(result.lessonsUpdated()).isEqualTo(11);
        assertThat(result.errors())
                .singleElement()
                .asString()
                .startsWith("Teacher Maria Lopez (" + teacher + "): 1 lesson cannot follow its slot")
                .contains("Tue 9 Mar 2027 17:30 → Tue 9 Mar 2027 18:00");
        assertThat(lessons().get(1).local()).isEqualTo(LocalDateTime.parse("2027-03-09T17:30"));
        TeacherRows.addUpToTheRun(jdbc, result.jobLogId());
        assertThat(run().errors()).as("reported until it can move").hasSize(1);

        studio.update("delete from lesson where recurring_slot_id is null");
        GenerationResult fixed = run();
        assertThat(fixed.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(fixed.lessonsUpdated()).isEqualTo(1);
        assertThat(lessons())
                .allSatisfy(row -> assertThat(row.local().toLocalTime()).isEqualTo(LocalTime.of(18, 0)));
    }

    @Test
    void aTeacherWhoMovesToAnotherZoneKeepsEveryLessonAtItsWallClockTime() {
        studio.update("update teacher_profile set timezone = 'America/New_York' where id = ?", teacher);

        GenerationResult result = run();

        assertThat(result.lessonsUpdated()).isEqualTo(12);
        assertThat(jdbc.sql("select distinct timezone from lesson")
                        .query(String.class)
                        .list())
                .containsExactly("America/New_York");
        assertThat(lessons())
                .allSatisfy(row -> assertThat(LocalDateTime.ofInstant(row.startAt(), ZoneId.of("America/New_York"))
                                .toLocalTime())
                        .isEqualTo(LocalTime.of(17, 30)));
    }

    private GenerationResult run() {
        return generation.run(JobTrigger.MANUAL, "admin@studio.test");
    }

    private List<UUID> held() {
        return jdbc.sql("select unnest(held_lessons) from planned_slot")
                .query(UUID.class)
                .list();
    }

    private List<Row> lessonsWith(String status) {
        return lessons().stream().filter(row -> row.status().equals(status)).toList();
    }

    private List<Row> lessons() {
        return jdbc.sql("""
                        select id, recurring_slot_id, occurrence_date, start_at, duration_minutes, price, status,
                               cancel_reason, closure_id, updated_at
                        from lesson where recurring_slot_id is not null order by start_at, occurrence_date
                        """)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("recurring_slot_id", UUID.class),
                        rs.getObject("occurrence_date", LocalDate.class),
                        rs.getObject("start_at", OffsetDateTime.class).toInstant(),
                        rs.getInt("duration_minutes"),
                        rs.getInt("price"),
                        rs.getString("status"),
                        rs.getString("cancel_reason"),
                        rs.getObject("closure_id", UUID.class),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static List<UUID> ids(List<Row> rows) {
        return rows.stream().map(Row::id).toList();
    }

    private static List<LocalDate> dates(List<Row> rows) {
        return rows.stream().map(Row::occurrenceDate).toList();
    }

    private static List<Instant> starts(List<Row> rows) {
        return rows.stream().map(Row::startAt).toList();
    }
}
