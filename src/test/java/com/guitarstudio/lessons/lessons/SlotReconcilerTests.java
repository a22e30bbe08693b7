package com.guitarstudio.lessons.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How the lessons a slot owns are compared with the slot, as a table of cases without a database:
 * Maria in Chicago, Ben's Tuesdays at 17:30, 30 minutes, 25.00; the clock at Monday 2027-03-01 12:00
 * UTC with a day's notice.
 */
class SlotReconcilerTests {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final UUID MARIA = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID SLOT = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final Instant CUTOFF = Instant.parse("2027-03-02T12:00:00Z");
    private static final SlotTerms TUESDAYS = terms(DayOfWeek.TUESDAY, "17:30", 30, 2500, null, null, 1);

    @Test
    void lessonsThatMatchTheirSlotNeedNothing() {
        assertThat(reconcile(TUESDAYS, true, lesson("2027-03-09", "2027-03-09T23:30:00Z", 2500, "SCHEDULED")))
                .isEqualTo(SlotReconciler.Outcome.NONE);
    }

    @Test
    void aNewTimeMovesTheLessonOnItsOwnDateInItsTeachersZone() {
        SlotTerms later = terms(DayOfWeek.TUESDAY, "18:00", 30, 2500, null, null, 1);

        SlotReconciler.Outcome outcome =
                reconcile(later, true, lesson("2027-03-16", "2027-03-16T22:30:00Z", 2500, "SCHEDULED"));

        assertThat(outcome.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(LessonChange.Kind.UPDATED);
            assertThat(change.occurrenceDate()).isEqualTo(LocalDate.parse("2027-03-16"));
            assertThat(change.after().startAt()).isEqualTo(Instant.parse("2027-03-16T23:00:00Z")); // CDT
            assertThat(change.after().status()).isEqualTo("SCHEDULED");
        });
    }

    @Test
    void aDateTheSlotNoLongerMeetsOnIsCancelledKeepingItsTime() {
        SlotTerms thursdays = terms(DayOfWeek.THURSDAY, "17:30", 30, 2500, null, null, 1);
        OwnedLesson tuesday = lesson("2027-03-09", "2027-03-09T23:30:00Z", 2500, "CLOSED");

        SlotReconciler.Outcome outcome = reconcile(thursdays, true, tuesday);

        assertThat(outcome.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(LessonChange.Kind.CANCELLED);
            assertThat(change.after().startAt()).isEqualTo(tuesday.values().startAt());
            assertThat(change.after().closureId())
                    .as("no longer closed by its closure")
                    .isNull();
            assertThat(change.cancelReason()).isEqualTo("SLOT_CHANGED");
        });
    }

    @Test
    void aSlotThatGetsNoLessonsCancelsThemAllAndLeavesCancelledOnesAlone() {
        SlotReconciler.Outcome outcome = reconcile(
                TUESDAYS,
                false,
                lesson("2027-03-09", "2027-03-09T23:30:00Z", 2500, "SCHEDULED"),
                lesson("2027-03-16", "2027-03-16T22:30:00Z", 2500, "CANCELLED"));

        assertThat(outcome.changes()).extracting(LessonChange::kind).containsExactly(LessonChange.Kind.CANCELLED);
    }

    @Test
    void aCancelledLessonWhoseDateIsMetAgainIsRestoredWithTheTermsOfNow() {
        SlotReconciler.Outcome outcome =
                reconcile(TUESDAYS, true, lesson("2027-03-09", "2027-03-09T23:30:00Z", 2000, "CANCELLED"));

        assertThat(outcome.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(LessonChange.Kind.RESTORED);
            assertThat(change.after().status()).isEqualTo("SCHEDULED");
            assertThat(change.after().price()).isEqualTo(2500);
            assertThat(change.cancelReason()).isNull();
        });
    }

    @Test
    void aClosureThatCoversTheDateKeepsTheLessonClosed() {
        Closure away =
                new Closure(UUID.randomUUID(), MARIA, LocalDate.parse("2027-03-09"), LocalDate.parse("2027-03-09"));

        SlotReconciler.Outcome outcome = SlotReconciler.reconcile(
                state(TUESDAYS, true),
                CHICAGO,
                List.of(lesson("2027-03-09", "2027-03-09T23:30:00Z", 2000, "SCHEDULED")),
                List.of(away),
                CUTOFF);

        assertThat(outcome.changes()).singleElement().satisfies(change -> {
            assertThat(change.after().status()).isEqualTo("CLOSED");
            assertThat(change.after().closureId()).isEqualTo(away.id());
        });
    }

    @Test
    void termAndCadenceDecideWhichDatesStay() {
        SlotTerms fortnightlyUntilApril = terms(
                DayOfWeek.TUESDAY, "17:30", 30, 2500, LocalDate.parse("2027-03-02"), LocalDate.parse("2027-04-01"), 2);

        SlotReconciler.Outcome outcome = reconcile(
                fortnightlyUntilApril,
                true,
                lesson("2027-03-09", "2027-03-09T23:30:00Z", 2500, "SCHEDULED"),
                lesson("2027-03-16", "2027-03-16T22:30:00Z", 2500, "SCHEDULED"),
                lesson("2027-04-13", "2027-04-13T22:30:00Z", 2500, "SCHEDULED"));

        assertThat(outcome.changes())
                .extracting(LessonChange::occurrenceDate)
                .containsExactly(LocalDate.parse("2027-03-09"), LocalDate.parse("2027-04-13"));
    }

    @Test
    void aChangeToALessonThatStartsOrWouldStartBeforeTheCutoffIsHeld() {
        SlotTerms earlier = terms(DayOfWeek.TUESDAY, "05:00", 30, 2500, null, null, 1);

        SlotReconciler.Outcome outcome = reconcile(
                earlier,
                true,
                lesson("2027-03-02", "2027-03-02T23:30:00Z", 2500, "SCHEDULED"), // would start at 11:00 UTC
                lesson("2027-03-09", "2027-03-09T23:30:00Z", 2500, "SCHEDULED"));

        assertThat(outcome.held())
                .extracting(LessonChange::occurrenceDate)
                .containsExactly(LocalDate.parse("2027-03-02"));
        assertThat(outcome.changes())
                .extracting(LessonChange::occurrenceDate)
                .containsExactly(LocalDate.parse("2027-03-09"));
    }

    private static SlotReconciler.Outcome reconcile(SlotTerms terms, boolean eligible, OwnedLesson... lessons) {
        return SlotReconciler.reconcile(state(terms, eligible), CHICAGO, List.of(lessons), List.of(), CUTOFF);
    }

    private static SlotState state(SlotTerms terms, boolean eligible) {
        return new SlotState(SLOT, terms, eligible, LocalDate.parse("2027-05-18"), null);
    }

    private static SlotTerms terms(
            DayOfWeek day, String time, int minutes, int price, LocalDate startsOn, LocalDate endsOn, int weeks) {
        return new SlotTerms(
                MARIA, BEN, "America/Chicago", day, LocalTime.parse(time), minutes, price, startsOn, endsOn, weeks);
    }

    private static OwnedLesson lesson(String date, String startAt, int price, String status) {
        return new OwnedLesson(
                UUID.randomUUID(),
                SLOT,
                LocalDate.parse(date),
                new LessonValues(MARIA, BEN, Instant.parse(startAt), 30, price, status, null, "America/Chicago"));
    }
}
