package com.guitarstudio.lessons.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.Messages;
import com.guitarstudio.lessons.lessons.ChunkPreview;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimesTests {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final Times chicago = new Times(
            Clock.fixed(NOW, ZoneOffset.UTC),
            new PageProperties("America/Chicago"),
            new AdminMessages(Messages.source()));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2026-11-28T12:00:00Z, just now",
        "2026-11-28T11:59:01Z, just now",
        "2026-11-28T12:00:59Z, just now",
        "2026-11-28T11:59:00Z, 1 minute ago",
        "2026-11-28T11:01:00Z, 59 minutes ago",
        "2026-11-28T11:00:00Z, 1 hour ago",
        "2026-11-28T09:00:00Z, 3 hours ago",
        "2026-11-27T12:00:01Z, 23 hours ago",
        "2026-11-27T12:00:00Z, 1 day ago",
        "2026-11-25T12:00:00Z, 3 days ago",
        "2026-11-28T12:02:00Z, in 2 minutes",
        "2026-11-29T12:00:00Z, in 1 day"
    })
    void relativeTimes(Instant at, String expected) {
        assertThat(chicago.relative(at)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({
        "0, 0 ms",
        "850, 850 ms",
        "999, 999 ms",
        "1000, 1.0 s",
        "1234, 1.2 s",
        "59999, 60.0 s",
        "60000, 1 min 0 s",
        "65000, 1 min 5 s",
        "83250, 1 min 23 s",
        "3725000, 62 min 5 s"
    })
    void durations(long millis, String expected) {
        assertThat(chicago.duration(millis)).isEqualTo(expected);
        assertThat(chicago.duration(null)).isEqualTo("–");
    }

    @org.junit.jupiter.api.Test
    void aTableOfLessonsInOneZoneNamesItOnceInItsHeader() {
        String shared = chicago.sharedZone(List.of("Asia/Tokyo", "Asia/Tokyo"));
        Instant start = Instant.parse("2027-03-16T08:30:00Z");

        assertThat(shared).isEqualTo("Asia/Tokyo");
        assertThat(chicago.whenHeader(shared)).isEqualTo("When (Tokyo time)");
        assertThat(chicago.inTable(start, "Asia/Tokyo", shared)).isEqualTo("Tue 16 Mar 2027, 17:30");
        assertThat(chicago.lesson(state(start, 30, 2500, "SCHEDULED", "Asia/Tokyo"), shared))
                .isEqualTo("Tue 16 Mar 2027, 17:30, 30 min, 25.00");
    }

    @org.junit.jupiter.api.Test
    void aTableOfLessonsInSeveralZonesNamesEachRowsZone() {
        String shared = chicago.sharedZone(List.of("Asia/Tokyo", "Europe/London"));
        Instant start = Instant.parse("2027-03-16T08:30:00Z");

        assertThat(shared).isNull();
        assertThat(chicago.sharedZone(List.of())).isNull();
        assertThat(chicago.whenHeader(shared)).isEqualTo("When (each teacher's time)");
        assertThat(chicago.inTable(start, "Europe/London", shared)).isEqualTo("Tue 16 Mar 2027, 08:30 London time");
        assertThat(chicago.lesson(state(start, 45, 3000, "SCHEDULED", "Europe/London"), shared))
                .isEqualTo("Tue 16 Mar 2027, 08:30 London time, 45 min, 30.00");
        // a zone no one knows: the pages' zone, and the row says which
        assertThat(chicago.inTable(start, "Mars/Olympus_Mons", "Mars/Olympus_Mons"))
                .isEqualTo("Tue 16 Mar 2027, 03:30");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            time                 | 2027-03-23T08:30:00Z | 30 | 2500 | SCHEDULED | New time
            length               | 2027-03-16T08:30:00Z | 45 | 2500 | SCHEDULED | New length
            price                | 2027-03-16T08:30:00Z | 30 | 3000 | SCHEDULED | New price
            closed               | 2027-03-16T08:30:00Z | 30 | 2500 | CLOSED    | Closed
            time, length, price  | 2027-03-23T09:00:00Z | 60 | 4000 | SCHEDULED | New time and new length and new price
            nothing but who      | 2027-03-16T08:30:00Z | 30 | 2500 | SCHEDULED | Another student
            """)
    void aLessonsChangeIsSaidInWords(String what, Instant start, int minutes, int price, String status, String words) {
        ChunkPreview.LessonState before =
                state(Instant.parse("2027-03-16T08:30:00Z"), 30, 2500, "SCHEDULED", "Asia/Tokyo");

        assertThat(chicago.change(change("UPDATED", before, state(start, minutes, price, status, "Asia/Tokyo"))))
                .isEqualTo(words);
    }

    @org.junit.jupiter.api.Test
    void cancelledReopenedAndRestoredLessonsAreSaidInOneWord() {
        ChunkPreview.LessonState closed =
                state(Instant.parse("2027-03-16T08:30:00Z"), 30, 2500, "CLOSED", "Asia/Tokyo");
        ChunkPreview.LessonState open =
                state(Instant.parse("2027-03-16T08:30:00Z"), 30, 2500, "SCHEDULED", "Asia/Tokyo");

        assertThat(chicago.change(change("UPDATED", closed, open))).isEqualTo("Reopened");
        assertThat(chicago.change(change("CANCELLED", open, null))).isEqualTo("Cancelled");
        assertThat(chicago.change(change("RESTORED", null, open))).isEqualTo("Back on");
    }

    @org.junit.jupiter.api.Test
    void datesTimesAndDaysAreInThePagesZone() {
        Instant lateEvening = Instant.parse("2027-03-16T04:30:00Z");

        assertThat(chicago.zoneId()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(chicago.zone()).isEqualTo("America/Chicago");
        assertThat(chicago.time(lateEvening)).isEqualTo("23:30");
        assertThat(chicago.day(lateEvening)).isEqualTo("15 Mar");
        assertThat(chicago.iso(lateEvening)).isEqualTo("2027-03-16T04:30:00Z");
        assertThat(chicago.iso(null)).isEmpty();
        assertThat(chicago.isoDate(null)).isEmpty();
        assertThat(chicago.wallClock(LocalDateTime.parse("2027-03-16T17:30"))).isEqualTo("Tue 16 Mar 2027, 17:30");
        assertThat(chicago.date(LocalDate.parse("2027-03-15"))).isEqualTo("Mon 15 Mar 2027");
        assertThat(chicago.dates(LocalDate.parse("2027-03-15"), LocalDate.parse("2027-03-15")))
                .isEqualTo("Mon 15 Mar 2027");
        assertThat(chicago.dates(LocalDate.parse("2027-03-15"), LocalDate.parse("2027-03-23")))
                .isEqualTo("Mon 15 Mar 2027 – Tue 23 Mar 2027");
    }

    private static ChunkPreview.LessonState state(Instant start, int minutes, int price, String status, String zone) {
        return new ChunkPreview.LessonState(start, null, minutes, price, status, zone);
    }

    private static ChunkPreview.Change change(
            String change, ChunkPreview.LessonState before, ChunkPreview.LessonState after) {
        return new ChunkPreview.Change(null, null, "Ana", "Ben", change, before, after);
    }

    @org.junit.jupiter.api.Test
    void absoluteTimesAreInTheConfiguredZoneAndNameIt() {
        assertThat(chicago.absolute(Instant.parse("2026-11-28T02:00:00Z")))
                .isEqualTo("Fri 27 Nov 2026, 20:00 Chicago time");
        assertThat(chicago.absolute(null)).isEqualTo("never");
        assertThat(chicago.relative(null)).isEqualTo("never");
    }

    @org.junit.jupiter.api.Test
    void zonesAreNamedAsPeopleSayThem() {
        assertThat(chicago.zoneName()).isEqualTo("Chicago time");
        assertThat(chicago.zoneName("America/New_York")).isEqualTo("New York time");
        assertThat(chicago.zoneName("America/Argentina/Buenos_Aires")).isEqualTo("Buenos Aires time");
        assertThat(chicago.zoneName("UTC")).isEqualTo("UTC");
        assertThat(chicago.zoneName("Etc/UTC")).isEqualTo("UTC");
    }

    @org.junit.jupiter.api.Test
    void aLessonIsWrittenInItsOwnZoneAndTheDayOfARunInThePagesZone() {
        Instant lateEvening = Instant.parse("2027-03-16T04:30:00Z");
        assertThat(chicago.local(lateEvening, "Asia/Tokyo")).isEqualTo("Tue 16 Mar 2027, 13:30 Tokyo time");
        assertThat(chicago.local(lateEvening, "not a zone")).isEqualTo("Mon 15 Mar 2027, 23:30 Chicago time");
        assertThat(chicago.isoDate(lateEvening)).isEqualTo("2027-03-15");
        assertThat(chicago.date(lateEvening)).isEqualTo("Mon 15 Mar 2027");
    }

    @org.junit.jupiter.api.Test
    void aStudioTimeZoneThatIsNotAZoneIsRefusedWithTheVariableNamed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PageProperties("Mars/Olympus"))
                .hasMessageContaining("STUDIO_TIME_ZONE")
                .hasMessageContaining("'Mars/Olympus' is not a time zone id");
    }
}
