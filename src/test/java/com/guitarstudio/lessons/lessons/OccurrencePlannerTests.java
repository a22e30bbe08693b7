package com.guitarstudio.lessons.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OccurrencePlannerTests {

    private final OccurrencePlanner planner = new OccurrencePlanner(12);

    /** Expected instants are worked out by hand from each zone's 2027 rules, not by java.time. */
    @ParameterizedTest(name = "{0}: {1} {2} on {4} starts at {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # zone              | day       | time  | now                  | date       | expected start   | what it shows
            America/Chicago     | SUNDAY    | 02:30 | 2027-03-10T12:00:00Z | 2027-03-14 | 2027-03-14T08:30:00Z | spring-forward gap: 02:30 does not exist, moves to 03:30 CDT
            America/Chicago     | SUNDAY    | 02:30 | 2027-03-10T12:00:00Z | 2027-03-21 | 2027-03-21T07:30:00Z | the week after: 02:30 CDT
            America/Chicago     | SUNDAY    | 01:30 | 2027-11-03T12:00:00Z | 2027-11-07 | 2027-11-07T06:30:00Z | fall-back overlap: the earlier 01:30 (CDT)
            America/Chicago     | SUNDAY    | 01:30 | 2027-11-03T12:00:00Z | 2027-11-14 | 2027-11-14T07:30:00Z | the week after: 01:30 CST
            America/Chicago     | TUESDAY   | 17:30 | 2027-03-01T12:00:00Z | 2027-03-09 | 2027-03-09T23:30:00Z | 17:30 CST before the transition
            America/Chicago     | TUESDAY   | 17:30 | 2027-03-01T12:00:00Z | 2027-03-16 | 2027-03-16T22:30:00Z | 17:30 CDT after it: same wall clock, other instant
            Europe/London       | SUNDAY    | 01:30 | 2027-03-25T12:00:00Z | 2027-03-28 | 2027-03-28T01:30:00Z | gap: 01:30 GMT does not exist, 02:30 BST
            Europe/London       | SUNDAY    | 01:30 | 2027-10-27T12:00:00Z | 2027-10-31 | 2027-10-31T00:30:00Z | overlap: the earlier 01:30 (BST)
            Australia/Sydney    | SUNDAY    | 02:30 | 2027-03-31T12:00:00Z | 2027-04-04 | 2027-04-03T15:30:00Z | southern autumn overlap: 02:30 AEDT
            Australia/Sydney    | SUNDAY    | 02:30 | 2027-09-29T12:00:00Z | 2027-10-03 | 2027-10-02T16:30:00Z | southern spring gap: 03:30 AEDT
            Australia/Lord_Howe | SUNDAY    | 01:45 | 2027-03-31T12:00:00Z | 2027-04-04 | 2027-04-03T14:45:00Z | 30-minute overlap: the earlier 01:45 (+11:00)
            Australia/Lord_Howe | SUNDAY    | 02:15 | 2027-09-29T12:00:00Z | 2027-10-03 | 2027-10-02T15:45:00Z | 30-minute gap: 02:15 moves to 02:45 (+11:00)
            America/Santiago    | SUNDAY    | 00:30 | 2027-09-01T12:00:00Z | 2027-09-05 | 2027-09-05T04:30:00Z | gap at midnight: 00:30 moves to 01:30 (-03:00)
            America/Santiago    | SATURDAY  | 23:30 | 2027-03-31T12:00:00Z | 2027-04-03 | 2027-04-04T02:30:00Z | overlap before midnight: the earlier 23:30 (-03:00)
            America/Santiago    | SUNDAY    | 10:00 | 2027-03-31T12:00:00Z | 2027-04-04 | 2027-04-04T14:00:00Z | the day after the overlap: -04:00
            Asia/Kolkata        | MONDAY    | 18:00 | 2027-01-01T00:00:00Z | 2027-01-04 | 2027-01-04T12:30:00Z | +05:30, no daylight saving
            Asia/Kolkata        | MONDAY    | 18:00 | 2027-06-01T00:00:00Z | 2027-06-07 | 2027-06-07T12:30:00Z | +05:30 in June as well
            Pacific/Chatham     | WEDNESDAY | 09:00 | 2027-01-01T00:00:00Z | 2027-01-06 | 2027-01-05T19:15:00Z | +13:45 in the southern summer
            Pacific/Chatham     | WEDNESDAY | 09:00 | 2027-06-01T00:00:00Z | 2027-06-02 | 2027-06-01T20:15:00Z | +12:45 in the southern winter
            Pacific/Chatham     | SUNDAY    | 03:00 | 2027-09-22T00:00:00Z | 2027-09-26 | 2027-09-25T14:15:00Z | gap 02:45 to 03:45: 03:00 moves to 04:00 (+13:45)
            """)
    void resolvesLocalTimesLikeZonedDateTimeOf(
            String zone, DayOfWeek day, LocalTime time, Instant now, LocalDate date, Instant expected) {
        List<Occurrence> occurrences = planner.occurrences(new WeeklySlot(day, time), ZoneId.of(zone), now);

        assertThat(occurrences).contains(new Occurrence(date, expected));
    }

    @Test
    void aLessonKeepsItsWallClockTimeAllYear() {
        ZoneId chicago = ZoneId.of("America/Chicago");
        List<Occurrence> occurrences = planner.occurrences(
                new WeeklySlot(DayOfWeek.TUESDAY, LocalTime.of(17, 30)),
                chicago,
                Instant.parse("2027-02-01T12:00:00Z"));

        assertThat(occurrences)
                .extracting(o -> o.startAt().atZone(chicago).toLocalTime())
                .containsOnly(LocalTime.of(17, 30));
        assertThat(occurrences)
                .extracting(o -> o.startAt().atZone(chicago).getOffset().getTotalSeconds() / 3600)
                .containsOnly(-6, -5);
    }

    /** now = Tuesday 2027-01-05 15:00 in London (GMT); today + 84 days = Tuesday 2027-03-30 (BST). */
    @ParameterizedTest(name = "{0} {1}: {2} lessons, {3} to {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # day     | time  | count | first                | last                 | why
            TUESDAY   | 17:30 | 13    | 2027-01-05T17:30:00Z | 2027-03-30T16:30:00Z | later today is included, and today + 84
            TUESDAY   | 15:00 | 13    | 2027-01-05T15:00:00Z | 2027-03-30T14:00:00Z | a lesson starting exactly now is included
            TUESDAY   | 09:00 | 12    | 2027-01-12T09:00:00Z | 2027-03-30T08:00:00Z | earlier today is not
            WEDNESDAY | 09:00 | 12    | 2027-01-06T09:00:00Z | 2027-03-24T09:00:00Z | today + 85 (a Wednesday) is not
            MONDAY    | 20:00 | 12    | 2027-01-11T20:00:00Z | 2027-03-29T19:00:00Z | yesterday's weekday starts next week
            """)
    void windowRunsFromNowThroughTodayPlus84Days(
            DayOfWeek day, LocalTime time, int count, Instant first, Instant last) {
        List<Occurrence> occurrences = planner.occurrences(
                new WeeklySlot(day, time), ZoneId.of("Europe/London"), Instant.parse("2027-01-05T15:00:00Z"));

        assertThat(occurrences).hasSize(count);
        assertThat(occurrences.get(0).startAt()).isEqualTo(first);
        assertThat(occurrences.get(occurrences.size() - 1).startAt()).isEqualTo(last);
    }

    @Test
    void todayIsTheTeachersLocalDateNotUtc() {
        // 03:00 UTC on Tuesday is still Monday 21:00 in Chicago: a Monday 22:00 lesson is today's.
        List<Occurrence> occurrences = planner.occurrences(
                new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(22, 0)),
                ZoneId.of("America/Chicago"),
                Instant.parse("2027-01-05T03:00:00Z"));

        assertThat(occurrences.get(0))
                .isEqualTo(new Occurrence(LocalDate.parse("2027-01-04"), Instant.parse("2027-01-05T04:00:00Z")));
        assertThat(occurrences.get(occurrences.size() - 1).date()).isEqualTo(LocalDate.parse("2027-03-29"));
    }

    @Test
    void onlyWeeksAfterTheLatestGeneratedLessonAreStillMissing() {
        WeeklySlot tuesday = new WeeklySlot(DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        ZoneId london = ZoneId.of("Europe/London");
        Instant now = Instant.parse("2027-01-05T15:00:00Z");

        assertThat(planner.missing(tuesday, london, now, null)).hasSize(13);
        assertThat(planner.missing(tuesday, london, now, LocalDate.parse("2027-03-23")))
                .extracting(Occurrence::date)
                .containsExactly(LocalDate.parse("2027-03-30"));
        assertThat(planner.missing(tuesday, london, now, LocalDate.parse("2027-03-30")))
                .isEmpty();
        // a slot that moved from Monday to Tuesday gets its whole window again
        assertThat(planner.missing(tuesday, london, now, LocalDate.parse("2027-03-29")))
                .hasSize(13);
    }

    /** A Tuesday slot, planned on Monday 2027-03-01 in Chicago: the window is 2027-03-01 … 2027-05-24. */
    @ParameterizedTest(name = "from {0} through {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # startsOn | endsOn     | first      | last       | count | what it shows
            -          | -          | 2027-03-02 | 2027-05-18 | 12    | no term: the whole window
            2027-03-16 | -          | 2027-03-16 | 2027-05-18 | 10    | the first date is a Tuesday: it is the first lesson
            2027-03-17 | -          | 2027-03-23 | 2027-05-18 | 9     | the first date is a Wednesday: the next Tuesday
            2027-02-01 | -          | 2027-03-02 | 2027-05-18 | 12    | a term that began before today
            -          | 2027-04-13 | 2027-03-02 | 2027-04-13 | 7     | the last date is a Tuesday: it is the last lesson
            -          | 2027-04-12 | 2027-03-02 | 2027-04-06 | 6     | the last date is a Monday: the Tuesday before
            2027-03-16 | 2027-03-16 | 2027-03-16 | 2027-03-16 | 1     | a one-day term on the slot's weekday
            2027-03-17 | 2027-03-22 | -          | -          | 0     | a term with no Tuesday in it
            2027-06-01 | -          | -          | -          | 0     | a term that begins after the window
            2026-09-01 | 2027-02-28 | -          | -          | 0     | a term that ended before today
            """)
    void aTermBoundsTheLessonsOnBothEdges(
            LocalDate startsOn, LocalDate endsOn, LocalDate first, LocalDate last, int count, String what) {
        WeeklySlot slot = new WeeklySlot(DayOfWeek.TUESDAY, LocalTime.of(17, 30), startsOn, endsOn, 1);

        List<LocalDate> dates = planner.occurrences(slot, ZoneId.of("America/Chicago"), CHICAGO_MONDAY).stream()
                .map(Occurrence::date)
                .toList();

        assertThat(dates).as(what).hasSize(count);
        if (count > 0) {
            assertThat(dates.get(0)).as(what).isEqualTo(first);
            assertThat(dates.get(count - 1)).as(what).isEqualTo(last);
        }
    }

    /** Monday 2027-03-01, 12:00 in Chicago. */
    private static final Instant CHICAGO_MONDAY = Instant.parse("2027-03-01T18:00:00Z");

    /** Expected dates and instants worked out by hand from the calendar and each zone's rules. */
    @Test
    void everyOtherWeekCountsFromTheFirstMeetingAcrossDaylightSaving() {
        // week 0 is Sunday 2027-02-21; Chicago springs forward on 2027-03-14
        WeeklySlot slot = new WeeklySlot(DayOfWeek.SUNDAY, LocalTime.of(17, 0), LocalDate.parse("2027-02-21"), null, 2);

        assertThat(planner.occurrences(slot, ZoneId.of("America/Chicago"), CHICAGO_MONDAY))
                .containsExactly(
                        new Occurrence(LocalDate.parse("2027-03-07"), Instant.parse("2027-03-07T23:00:00Z")),
                        new Occurrence(LocalDate.parse("2027-03-21"), Instant.parse("2027-03-21T22:00:00Z")),
                        new Occurrence(LocalDate.parse("2027-04-04"), Instant.parse("2027-04-04T22:00:00Z")),
                        new Occurrence(LocalDate.parse("2027-04-18"), Instant.parse("2027-04-18T22:00:00Z")),
                        new Occurrence(LocalDate.parse("2027-05-02"), Instant.parse("2027-05-02T22:00:00Z")),
                        new Occurrence(LocalDate.parse("2027-05-16"), Instant.parse("2027-05-16T22:00:00Z")));
    }

    @Test
    void everyThirdWeekRunsOnAcrossTheYearEnd() {
        // Sydney, 2027-12-01 11:00; week 0 is Monday 2027-11-29 (before today), then every 21 days
        WeeklySlot slot = new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(16, 0), LocalDate.parse("2027-11-29"), null, 3);

        assertThat(planner.occurrences(slot, ZoneId.of("Australia/Sydney"), Instant.parse("2027-12-01T00:00:00Z")))
                .containsExactly(
                        new Occurrence(LocalDate.parse("2027-12-20"), Instant.parse("2027-12-20T05:00:00Z")),
                        new Occurrence(LocalDate.parse("2028-01-10"), Instant.parse("2028-01-10T05:00:00Z")),
                        new Occurrence(LocalDate.parse("2028-01-31"), Instant.parse("2028-01-31T05:00:00Z")),
                        new Occurrence(LocalDate.parse("2028-02-21"), Instant.parse("2028-02-21T05:00:00Z")));
    }

    @Test
    void everyFourthWeekStartsOnTheFirstSlotWeekdayOnOrAfterTheTermStart() {
        // starts on Wednesday 2027-09-08: week 0 is Friday 2027-09-10; London falls back on 2027-10-31
        WeeklySlot slot = new WeeklySlot(DayOfWeek.FRIDAY, LocalTime.of(18, 0), LocalDate.parse("2027-09-08"), null, 4);

        assertThat(planner.occurrences(slot, ZoneId.of("Europe/London"), Instant.parse("2027-10-01T12:00:00Z")))
                .containsExactly(
                        new Occurrence(LocalDate.parse("2027-10-08"), Instant.parse("2027-10-08T17:00:00Z")),
                        new Occurrence(LocalDate.parse("2027-11-05"), Instant.parse("2027-11-05T18:00:00Z")),
                        new Occurrence(LocalDate.parse("2027-12-03"), Instant.parse("2027-12-03T18:00:00Z")));
    }

    @Test
    void cadenceAndTermHoldInEveryZone() {
        Random random = new Random(20271129);
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        for (String zoneId : javaZones()) {
            ZoneId zone = ZoneId.of(zoneId);
            Instant now = from.plusSeconds(random.nextInt(3 * 365 * 24 * 3600));
            LocalDate today = LocalDate.ofInstant(now, zone);
            int interval = 1 + random.nextInt(4);
            LocalDate startsOn = today.plusDays(random.nextInt(120) - 60);
            LocalDate endsOn = random.nextBoolean() ? null : startsOn.plusDays(random.nextInt(120));
            WeeklySlot slot = new WeeklySlot(
                    DayOfWeek.of(1 + random.nextInt(7)),
                    LocalTime.of(random.nextInt(24), 0),
                    startsOn,
                    endsOn,
                    interval);
            LocalDate weekZero = startsOn.with(TemporalAdjusters.nextOrSame(slot.day()));

            List<LocalDate> expected = weekZero.datesUntil(today.plusDays(85), Period.ofWeeks(interval))
                    .filter(date -> !date.isBefore(today) && (endsOn == null || !date.isAfter(endsOn)))
                    .filter(date -> !ZonedDateTime.of(date, slot.startTime(), zone)
                            .toInstant()
                            .isBefore(now))
                    .toList();

            assertThat(planner.occurrences(slot, zone, now))
                    .as("%s %s at %s", zone, slot, now)
                    .extracting(Occurrence::date)
                    .containsExactlyElementsOf(expected);
        }
    }

    /** A date a slot plans is a date it meets on, and a run keeps a lesson on exactly those dates. */
    @Test
    void meetsOnExactlyTheDatesItPlansWhateverTheWindow() {
        Random random = new Random(20270301);
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        for (String zoneId : javaZones()) {
            ZoneId zone = ZoneId.of(zoneId);
            Instant now = from.plusSeconds(random.nextInt(3 * 365 * 24 * 3600));
            LocalDate today = LocalDate.ofInstant(now, zone);
            LocalDate startsOn = today.plusDays(random.nextInt(120) - 60);
            WeeklySlot slot = new WeeklySlot(
                    DayOfWeek.of(1 + random.nextInt(7)),
                    LocalTime.of(random.nextInt(24), 0),
                    startsOn,
                    random.nextBoolean() ? null : startsOn.plusDays(random.nextInt(120)),
                    1 + random.nextInt(4));
            List<LocalDate> planned = planner.occurrences(slot, zone, now).stream()
                    .map(Occurrence::date)
                    .toList();

            assertThat(today.plusDays(1).datesUntil(today.plusDays(85)))
                    .as("%s %s at %s", zone, slot, now)
                    .filteredOn(date -> OccurrencePlanner.meetsOn(slot, date))
                    .containsExactlyElementsOf(
                            planned.stream().filter(date -> date.isAfter(today)).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the same terms: only the weeks after the latest lesson | TUESDAY | 1 | TUESDAY | 1 | 2027-04-13 | 2027-04-20
            another weekday: the whole window                      | TUESDAY | 1 | THURSDAY | 1 | 2027-04-13 | 2027-03-04
            every other week to every week: the weeks between too  | TUESDAY | 2 | TUESDAY | 1 | 2027-04-13 | 2027-03-09
            every week to every other week: only after the latest  | TUESDAY | 1 | TUESDAY | 2 | 2027-04-13 | 2027-04-27
            """)
    void aSlotWhoseTermsChangedNeedsTheDatesItsOldTermsDidNotMeetOn(
            String what,
            DayOfWeek before,
            int beforeWeeks,
            DayOfWeek after,
            int afterWeeks,
            LocalDate latest,
            LocalDate first) {
        LocalDate termStart = LocalDate.parse("2027-03-02");
        WeeklySlot was = new WeeklySlot(before, LocalTime.of(17, 30), termStart, null, beforeWeeks);
        WeeklySlot now = new WeeklySlot(after, LocalTime.of(17, 30), termStart, null, afterWeeks);

        List<Occurrence> missing =
                planner.missing(now, ZoneId.of("America/Chicago"), Instant.parse("2027-03-01T12:00:00Z"), latest, was);

        assertThat(missing).first().extracting(Occurrence::date).isEqualTo(first);
        assertThat(missing)
                .extracting(Occurrence::date)
                .allSatisfy(date -> assertThat(date.isAfter(latest) || !OccurrencePlanner.meetsOn(was, date))
                        .isTrue());
    }

    private static final UUID ANNA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private static Closure closure(String id, UUID teacher, String startsOn, String endsOn) {
        return new Closure(UUID.fromString(id), teacher, LocalDate.parse(startsOn), LocalDate.parse(endsOn));
    }

    @Test
    void aClosureCoversItsDaysBothEndsIncluded() {
        Closure christmas = closure("00000000-0000-0000-0000-000000000001", null, "2027-12-24", "2027-12-24");
        Closure winter = closure("00000000-0000-0000-0000-000000000002", null, "2027-12-27", "2028-01-02");
        List<Closure> closures = List.of(christmas, winter);

        assertThat(OccurrencePlanner.closureOn(ANNA, LocalDate.parse("2027-12-23"), closures))
                .isNull();
        assertThat(OccurrencePlanner.closureOn(ANNA, LocalDate.parse("2027-12-24"), closures))
                .isEqualTo(christmas.id());
        assertThat(OccurrencePlanner.closureOn(ANNA, LocalDate.parse("2027-12-25"), closures))
                .isNull();
        assertThat(OccurrencePlanner.closureOn(ANNA, LocalDate.parse("2027-12-27"), closures))
                .isEqualTo(winter.id());
        assertThat(OccurrencePlanner.closureOn(ANNA, LocalDate.parse("2028-01-01"), closures))
                .isEqualTo(winter.id());
        assertThat(OccurrencePlanner.closureOn(ANNA, LocalDate.parse("2028-01-02"), closures))
                .isEqualTo(winter.id());
        assertThat(OccurrencePlanner.closureOn(ANNA, LocalDate.parse("2028-01-03"), closures))
                .isNull();
    }

    @Test
    void aTeachersTimeOffClosesOnlyTheirLessonsAndTheStudiosClosesEveryones() {
        Closure annaAway = closure("00000000-0000-0000-0000-000000000001", ANNA, "2027-04-05", "2027-04-11");
        Closure easter = closure("00000000-0000-0000-0000-000000000002", null, "2027-03-26", "2027-03-29");
        List<Closure> closures = List.of(annaAway, easter);

        assertThat(OccurrencePlanner.closureOn(ANNA, LocalDate.parse("2027-04-06"), closures))
                .isEqualTo(annaAway.id());
        assertThat(OccurrencePlanner.closureOn(BEN, LocalDate.parse("2027-04-06"), closures))
                .isNull();
        assertThat(OccurrencePlanner.closureOn(ANNA, LocalDate.parse("2027-03-29"), closures))
                .isEqualTo(easter.id());
        assertThat(OccurrencePlanner.closureOn(BEN, LocalDate.parse("2027-03-29"), closures))
                .isEqualTo(easter.id());
    }

    @Test
    void overlappingClosuresGiveALessonToTheOneThatStartsFirstThenTheSmallerId() {
        Closure later = closure("00000000-0000-0000-0000-000000000001", ANNA, "2027-12-20", "2027-12-31");
        Closure earlier = closure("00000000-0000-0000-0000-000000000009", null, "2027-12-18", "2028-01-02");
        Closure sameStartBiggerId = closure("ffffffff-0000-0000-0000-000000000000", null, "2027-12-18", "2027-12-22");

        assertThat(OccurrencePlanner.closureOn(
                        ANNA, LocalDate.parse("2027-12-21"), List.of(later, sameStartBiggerId, earlier)))
                .isEqualTo(earlier.id());
        // a smaller uuid as text, though UUID.compareTo (signed) would put the other first
        assertThat(Closure.PRECEDENCE.compare(earlier, sameStartBiggerId)).isNegative();
        assertThat(earlier.id().compareTo(sameStartBiggerId.id())).isPositive();
    }

    @Test
    void aClosureOverTheWindowsEdgeClosesTheLastLessonsOnly() {
        // the window of a Chicago Monday 2027-03-01 ends on 2027-05-24; the closure runs past it
        Closure summer = closure("00000000-0000-0000-0000-000000000001", null, "2027-05-11", "2027-08-31");
        List<Occurrence> occurrences = planner.occurrences(
                new WeeklySlot(DayOfWeek.TUESDAY, LocalTime.of(17, 30)), ZoneId.of("America/Chicago"), CHICAGO_MONDAY);

        assertThat(occurrences)
                .filteredOn(occurrence -> OccurrencePlanner.closureOn(ANNA, occurrence.date(), List.of(summer)) != null)
                .extracting(Occurrence::date)
                .containsExactly(LocalDate.parse("2027-05-11"), LocalDate.parse("2027-05-18"));
        assertThat(occurrences).hasSize(12);
    }

    @Test
    void horizonIsConfigurable() {
        OccurrencePlanner fourWeeks = new OccurrencePlanner(4);
        Instant now = Instant.parse("2027-01-05T15:00:00Z");

        assertThat(fourWeeks.occurrences(new WeeklySlot(DayOfWeek.WEDNESDAY, LocalTime.NOON), ZoneId.of("UTC"), now))
                .extracting(Occurrence::date)
                .containsExactly(
                        LocalDate.parse("2027-01-06"),
                        LocalDate.parse("2027-01-13"),
                        LocalDate.parse("2027-01-20"),
                        LocalDate.parse("2027-01-27"));
        assertThat(fourWeeks.windowEnd(now)).isEqualTo(Instant.parse("2027-02-03T15:00:00Z"));
        assertThat(planner.windowEnd(now)).isEqualTo(now.plus(Duration.ofDays(85)));
        assertThatThrownBy(() -> new OccurrencePlanner(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new OccurrencePlanner(1)
                        .occurrences(new WeeklySlot(DayOfWeek.WEDNESDAY, LocalTime.NOON), ZoneId.of("UTC"), now))
                .as("a one-week horizon")
                .extracting(Occurrence::date)
                .containsExactly(LocalDate.parse("2027-01-06"));
    }

    /**
     * Every zone the JVM knows, random slots and moments (fixed seed, so a failure reproduces): the
     * invariants students rely on hold everywhere.
     */
    @Test
    void invariantsHoldInEveryZone() {
        Random random = new Random(20261128);
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        for (String zoneId : javaZones()) {
            ZoneId zone = ZoneId.of(zoneId);
            for (int i = 0; i < 20; i++) {
                Instant now = from.plusSeconds(random.nextInt(3 * 365 * 24 * 3600));
                WeeklySlot slot = new WeeklySlot(
                        DayOfWeek.of(1 + random.nextInt(7)), LocalTime.of(random.nextInt(24), 15 * random.nextInt(4)));
                List<Occurrence> occurrences = planner.occurrences(slot, zone, now);
                LocalDate today = LocalDate.ofInstant(now, zone);

                assertThat(occurrences).as("%s %s at %s", zone, slot, now).hasSizeBetween(12, 13);
                for (int k = 0; k < occurrences.size(); k++) {
                    Occurrence occurrence = occurrences.get(k);
                    assertThat(occurrence.date().getDayOfWeek()).isEqualTo(slot.day());
                    assertThat(occurrence.date()).isBetween(today, today.plusDays(84));
                    assertThat(occurrence.startAt()).isAfterOrEqualTo(now);
                    ZonedDateTime local = occurrence.startAt().atZone(zone);
                    // the wall clock shows the slot's time, or a later one when it fell into a gap
                    if (!local.toLocalTime().equals(slot.startTime())) {
                        assertThat(zone.getRules()
                                        .getValidOffsets(occurrence.date().atTime(slot.startTime())))
                                .as("%s %s on %s", zone, slot, occurrence.date())
                                .isEmpty();
                    }
                    if (k > 0) {
                        assertThat(occurrence.date())
                                .isEqualTo(occurrences.get(k - 1).date().plusWeeks(1));
                    }
                }
            }
        }
    }

    /**
     * Every zone of the JDK's time-zone database, in order. ical4j (the calendar feeds) registers its
     * own java.time zones under random ids ({@code ical4j~<uuid>}, rules derived from its VTIMEZONE
     * files): a different set in every JVM, never a lesson's zone, so not the planner's to answer for.
     */
    private static List<String> javaZones() {
        return ZoneId.getAvailableZoneIds().stream()
                .filter(id -> !id.startsWith("ical4j~"))
                .sorted()
                .toList();
    }
}
