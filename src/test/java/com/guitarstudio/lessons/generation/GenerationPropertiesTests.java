package com.guitarstudio.lessons.generation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A mistyped setting stops the service with a message that names the variable and shows a valid value. */
class GenerationPropertiesTests {

    @Test
    void acceptsTheDefaults() {
        assertThatCode(() -> properties("0 0 2 * * *", "UTC", Duration.ofMinutes(15)))
                .doesNotThrowAnyException();
    }

    @Test
    void aFiveFieldUnixCronIsExplained() {
        assertThatThrownBy(() -> properties("0 2 * * *", "UTC", Duration.ofMinutes(15)))
                .hasMessage("GENERATION_CRON '0 2 * * *' is not a valid cron expression: it has six fields, second"
                        + " minute hour day-of-month month day-of-week, for example 0 0 2 * * *");
    }

    @Test
    void anUnknownZoneIsNamed() {
        assertThatThrownBy(() -> properties("0 0 2 * * *", "Central Time", Duration.ofMinutes(15)))
                .hasMessage("GENERATION_ZONE 'Central Time' is not a time zone id, for example UTC or America/Chicago");
    }

    @Test
    void aLockShorterThanAMinuteIsRefused() {
        assertThatThrownBy(() -> properties("0 0 2 * * *", "UTC", Duration.ofSeconds(5)))
                .hasMessageStartingWith("GENERATION_LOCK_AT_MOST_FOR must be at least one minute");
    }

    private static GenerationProperties properties(String cron, String zone, Duration lockAtMostFor) {
        return new GenerationProperties(cron, zone, true, true, lockAtMostFor, Duration.ofMinutes(2), 100, 2);
    }
}
