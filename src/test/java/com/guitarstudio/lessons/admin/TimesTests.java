package com.guitarstudio.lessons.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.Messages;
import com.guitarstudio.lessons.generation.GenerationProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimesTests {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final Times chicago = new Times(
            Clock.fixed(NOW, ZoneOffset.UTC),
            new GenerationProperties(
                    "0 0 2 * * *",
                    "America/Chicago",
                    true,
                    true,
                    Duration.ofMinutes(15),
                    Duration.ofMinutes(2),
                    100,
                    2),
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
                .isEqualTo("Fri 27 Nov 2026, 20:00 America/Chicago");
        assertThat(chicago.absolute(null)).isEqualTo("never");
        assertThat(chicago.relative(null)).isEqualTo("never");
    }
}
