package com.guitarstudio.lessons.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
        "2026-11-28T11:59:30Z, just now",
        "2026-11-28T11:59:00Z, 1 minute ago",
        "2026-11-28T09:00:00Z, 3 hours ago",
        "2026-11-25T12:00:00Z, 3 days ago",
        "2026-11-29T12:00:00Z, in 1 day"
    })
    void relativeTimes(Instant at, String expected) {
        assertThat(chicago.relative(at)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({"850, 850 ms", "800, 800 ms", "1234, 1.2 s", "59999, 60.0 s", "65000, 1 min 5 s"})
    void durations(long millis, String expected) {
        assertThat(chicago.duration(millis)).isEqualTo(expected);
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
