package com.guitarstudio.lessons.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which planned rows are inserted, which take over a lesson the service cancelled, and which wait. */
class TakeoversTests {

    private static final UUID MARIA = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID OLD_SLOT = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID NEW_SLOT = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    private static final Instant CUTOFF = Instant.parse("2027-03-02T12:00:00Z");
    private static final Instant MARCH_23 = Instant.parse("2027-03-23T22:30:00Z");

    @Test
    void aRowWithAFreeInstantIsInserted() {
        NewLesson row = row("2027-03-23", MARCH_23);

        Takeovers.Decided decided = Takeovers.decide(List.of(row), List.of(nobody()), CUTOFF);

        assertThat(decided.inserts()).containsExactly(row);
        assertThat(decided.takeovers()).isEmpty();
    }

    @Test
    void aLessonTheServiceCancelledAtTheInstantIsTakenOverWithTheNewSlotsTerms() {
        OwnedLesson cancelled = lesson(OLD_SLOT, MARCH_23, 2500, "CANCELLED");

        Takeovers.Decided decided = Takeovers.decide(
                List.of(row("2027-03-23", MARCH_23)), List.of(occupant(cancelled, "SLOT_CHANGED", true)), CUTOFF);

        assertThat(decided.inserts()).isEmpty();
        assertThat(decided.takeovers()).singleElement().satisfies(takeover -> {
            assertThat(takeover.lessonId()).isEqualTo(cancelled.id());
            assertThat(takeover.slotId()).isEqualTo(NEW_SLOT);
            assertThat(takeover.before()).isEqualTo(cancelled.values());
            assertThat(takeover.after().price()).isEqualTo(3000);
            assertThat(takeover.after().status()).isEqualTo("SCHEDULED");
        });
    }

    @Test
    void aLessonAPersonCancelledOrStillScheduledKeepsTheInstant() {
        List<NewLesson> rows = List.of(row("2027-03-23", MARCH_23), row("2027-03-30", MARCH_23.plusSeconds(604_800)));

        Takeovers.Decided decided = Takeovers.decide(
                rows,
                List.of(
                        occupant(lesson(OLD_SLOT, MARCH_23, 2500, "CANCELLED"), null, false),
                        occupant(lesson(OLD_SLOT, MARCH_23.plusSeconds(604_800), 2500, "SCHEDULED"), null, true)),
                CUTOFF);

        assertThat(decided.inserts()).isEmpty();
        assertThat(decided.takeovers()).isEmpty();
    }

    @Test
    void aTakeoverWithinTheNoticePeriodWaits() {
        Instant tonight = Instant.parse("2027-03-02T02:00:00Z");

        Takeovers.Decided decided = Takeovers.decide(
                List.of(row("2027-03-01", tonight)),
                List.of(occupant(lesson(OLD_SLOT, tonight, 2500, "CANCELLED"), "SLOT_CHANGED", true)),
                CUTOFF);

        assertThat(decided.takeovers()).isEmpty();
        assertThat(decided.held()).hasSize(1);
    }

    @Test
    void aRowWhoseSlotHasTheDateOrWhoseInstantAnEarlierRowTookGetsNothing() {
        NewLesson first = row("2027-03-23", MARCH_23);

        Takeovers.Decided decided = Takeovers.decide(
                List.of(row("2027-03-16", MARCH_23.minusSeconds(604_800)), first, row("2027-03-23", MARCH_23)),
                List.of(new LessonInserts.Occupant(true, null, null, false), nobody(), nobody()),
                CUTOFF);

        assertThat(decided.inserts()).containsExactly(first);
    }

    @Test
    void aPreviewSeesTheInstantsTheChunksChangesFreeAndTake() {
        OwnedLesson movedAway = lesson(OLD_SLOT, MARCH_23, 2500, "SCHEDULED");
        OwnedLesson cancelledHere = lesson(OLD_SLOT, MARCH_23.plusSeconds(604_800), 2500, "SCHEDULED");
        LessonChange move = change(movedAway, movedAway.values().startAt().plusSeconds(3600), "SCHEDULED");
        LessonChange cancel = change(cancelledHere, cancelledHere.values().startAt(), "CANCELLED");
        List<NewLesson> rows = List.of(row("2027-03-23", MARCH_23), row("2027-03-30", MARCH_23.plusSeconds(604_800)));

        List<LessonInserts.Occupant> after = Takeovers.afterChanges(
                rows,
                List.of(occupant(movedAway, null, true), occupant(cancelledHere, null, true)),
                List.of(move, cancel));
        Takeovers.Decided decided = Takeovers.decide(rows, after, CUTOFF);

        assertThat(decided.inserts()).containsExactly(rows.get(0));
        assertThat(decided.takeovers()).extracting(LessonChange::lessonId).containsExactly(cancelledHere.id());
    }

    private static LessonChange change(OwnedLesson lesson, Instant startAt, String status) {
        LessonValues before = lesson.values();
        return new LessonChange(
                lesson.id(),
                lesson.slotId(),
                lesson.occurrenceDate(),
                status.equals("CANCELLED") ? LessonChange.Kind.CANCELLED : LessonChange.Kind.UPDATED,
                before,
                new LessonValues(MARIA, BEN, startAt, 30, 2500, status, null, "America/Chicago"));
    }

    private static NewLesson row(String date, Instant startAt) {
        return new NewLesson(
                new PlannedLesson(MARIA, BEN, NEW_SLOT, LocalDate.parse(date), startAt, 30, 3000, "America/Chicago"),
                null);
    }

    private static OwnedLesson lesson(UUID slot, Instant startAt, int price, String status) {
        return new OwnedLesson(
                UUID.randomUUID(),
                slot,
                LocalDate.ofInstant(startAt, java.time.ZoneId.of("America/Chicago")),
                new LessonValues(MARIA, BEN, startAt, 30, price, status, null, "America/Chicago"));
    }

    private static LessonInserts.Occupant occupant(OwnedLesson lesson, String cancelReason, boolean owned) {
        return new LessonInserts.Occupant(false, lesson, cancelReason, owned);
    }

    private static LessonInserts.Occupant nobody() {
        return new LessonInserts.Occupant(false, null, null, false);
    }
}
