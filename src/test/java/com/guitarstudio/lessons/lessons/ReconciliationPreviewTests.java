package com.guitarstudio.lessons.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TeacherRows;
import com.guitarstudio.lessons.generation.GenerationPreview;
import com.guitarstudio.lessons.generation.GenerationResult;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The preview of the next run says exactly what the run then does to lessons the service owns, for a
 * studio where every kind of change waits at once, and writes nothing.
 */
@IntegrationTest
class ReconciliationPreviewTests {

    /** Every column of every lesson, in one line: a preview that changed any of them shows here. */
    private static final String LESSONS = """
            select count(*) || ' ' || coalesce(md5(string_agg(l::text, ',' order by l.id)), '-') from lesson l
            """;

    @Autowired
    LessonGenerationService generation;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    UUID retimed;
    UUID moved;
    UUID ended;
    UUID blocked;
    UUID held;

    @BeforeEach
    void aStudioWithLessons() {
        studio.empty();
        clock.set(IntegrationTestConfiguration.START);
        UUID maria = studio.teacher("Maria Lopez", "America/Chicago");
        retimed = studio.slot(
                maria, studio.student("Ben Adams", maria), DayOfWeek.TUESDAY, LocalTime.of(17, 30), 30, 2500);
        moved = studio.slot(
                maria, studio.student("Cleo Diaz", maria), DayOfWeek.THURSDAY, LocalTime.of(16, 0), 45, 3000);
        UUID kenji = studio.teacher("Kenji Sato", "Asia/Tokyo");
        UUID emi = studio.student("Emi", kenji);
        ended = studio.slot(kenji, emi, DayOfWeek.FRIDAY, LocalTime.of(18, 0), 30, 2000);
        blocked = studio.slot(kenji, studio.student("Fumi", kenji), DayOfWeek.SATURDAY, LocalTime.of(10, 0), 30, 2000);
        UUID olga = studio.teacher("Olga Berg", "UTC");
        held = studio.slot(olga, studio.student("Pia", olga), DayOfWeek.MONDAY, LocalTime.of(20, 0), 60, 5000);
        assertThat(generation.run(JobTrigger.MANUAL, null).status()).isEqualTo(JobStatus.SUCCESS);
    }

    @Test
    void thePreviewPredictsEveryChangeOfTheRunAndWritesNothing() {
        UUID kenji = studio.teacherId("Kenji Sato");
        UUID emi = jdbc.sql("select student_id from recurring_slot where id = ?")
                .param(ended)
                .query(UUID.class)
                .single();
        studio.update("update recurring_slot set start_time = '18:00' where id = ?", retimed);
        studio.update("update recurring_slot set day_of_week = 3 where id = ?", moved);
        // Emi's Fridays get a new price from 2 April: the old slot ends, a new one starts
        studio.update("update recurring_slot set ends_on = '2027-04-01' where id = ?", ended);
        UUID replacement = studio.slot(kenji, emi, DayOfWeek.FRIDAY, LocalTime.of(18, 0), 30, 2400);
        studio.term(replacement, LocalDate.parse("2027-04-02"), null, 1);
        // Fumi's Saturdays move to 11:00, but on 13 March she already has a one-off lesson then
        studio.update("""
                insert into lesson (teacher_id, student_id, start_at, duration_minutes, price, timezone)
                select teacher_id, student_id, '2027-03-13T02:00:00Z', 30, 2000, 'Asia/Tokyo'
                from recurring_slot where id = ?
                """, blocked);
        studio.update("update recurring_slot set start_time = '11:00' where id = ?", blocked);
        // Pia's Mondays cost more from today; tonight's lesson is within the notice period
        studio.update("update recurring_slot set per_lesson_price = 5500 where id = ?", held);
        studio.closure(null, LocalDate.parse("2027-04-14"), LocalDate.parse("2027-04-14"), "Studio day out");
        String before = jdbc.sql(LESSONS).query(String.class).single();

        GenerationPreview preview = generation.preview();

        assertThat(jdbc.sql(LESSONS).query(String.class).single())
                .as("the preview wrote nothing")
                .isEqualTo(before);
        GenerationResult run = generation.run(JobTrigger.MANUAL, null);
        assertThat(run.status()).isEqualTo(JobStatus.PARTIAL);
        assertThat(preview.lessonsToGenerate())
                .isEqualTo(run.lessonsGenerated())
                .isEqualTo(12);
        assertThat(preview.lessonsToClose()).isEqualTo(run.lessonsClosed()).isEqualTo(1);
        // Ben 12 retimed, Emi 8 taken over by her new slot, Fumi 11 of 12 retimed, Pia 12 of 13 repriced
        assertThat(preview.lessonsToUpdate()).isEqualTo(run.lessonsUpdated()).isEqualTo(12 + 8 + 11 + 12);
        assertThat(preview.lessonsToCancel()).isEqualTo(run.lessonsCancelled()).isEqualTo(12);
        assertThat(preview.lessonsToHold()).isEqualTo(run.lessonsHeld()).isEqualTo(1);
        assertThat(preview.errors()).isEqualTo(run.errors()).hasSize(1);
        assertThat(preview.reconcile()).isTrue();
        TeacherRows.addUpToTheRun(jdbc, run.jobLogId());

        assertThat(preview.changes())
                .hasSize(GenerationPreview.CHANGES)
                .isSortedAccordingTo(
                        (a, b) -> a.before().startAt().compareTo(b.before().startAt()));
        assertThat(preview.changes())
                .filteredOn(change -> "Ben Adams".equals(change.studentName()))
                .first()
                .satisfies(change -> {
                    assertThat(change.teacherName()).isEqualTo("Maria Lopez");
                    assertThat(change.change()).isEqualTo("UPDATED");
                    assertThat(change.before().localStart()).isEqualTo(LocalDateTime.parse("2027-03-02T17:30"));
                    assertThat(change.after().localStart()).isEqualTo(LocalDateTime.parse("2027-03-02T18:00"));
                    assertThat(change.after().timezone()).isEqualTo("America/Chicago");
                });
        assertThat(preview.changes())
                .filteredOn(change -> "Cleo Diaz".equals(change.studentName()))
                .isNotEmpty()
                .allSatisfy(change -> {
                    assertThat(change.change()).isEqualTo("CANCELLED");
                    assertThat(change.after().status()).isEqualTo("CANCELLED");
                });
        assertThat(preview.changes())
                .filteredOn(change -> "Emi".equals(change.studentName()))
                .as("a lesson the new slot takes over is one change, not a cancellation and a restoration")
                .isNotEmpty()
                .allSatisfy(change -> {
                    assertThat(change.change()).isEqualTo("UPDATED");
                    assertThat(change.before().price()).isEqualTo(2000);
                    assertThat(change.after().price()).isEqualTo(2400);
                    assertThat(change.after().status()).isEqualTo("SCHEDULED");
                });

        GenerationPreview next = generation.preview();
        assertThat(next.lessonsToUpdate()).isZero();
        assertThat(next.lessonsToCancel()).isZero();
        assertThat(next.lessonsToGenerate()).isZero();
        assertThat(next.errors()).as("Fumi's lesson still cannot move").isEqualTo(run.errors());
    }
}
