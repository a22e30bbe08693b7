package com.guitarstudio.lessons.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

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

    @Test
    void oneToFourWritersAreAcceptedAndAnythingElseIsRefusedWithTheVariableNamed() {
        ApplicationContextRunner service = new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withUserConfiguration(Settings.class);

        for (String writers : new String[] {"1", "4"}) {
            service.withPropertyValues("GENERATION_WRITERS=" + writers)
                    .run(context -> assertThat(
                                    context.getBean(GenerationProperties.class).writers())
                            .isEqualTo(Integer.parseInt(writers)));
        }
        for (String writers : new String[] {"0", "5"}) {
            service.withPropertyValues("GENERATION_WRITERS=" + writers)
                    .run(context -> assertThat(context)
                            .getFailure()
                            .rootCause()
                            .isInstanceOf(BindValidationException.class)
                            .hasMessageContaining("app.generation.writers")
                            .hasMessageContaining(
                                    writers.equals("0")
                                            ? "must be greater than or equal to 1"
                                            : "must be less than or equal to 4"));
        }
    }

    @EnableConfigurationProperties(GenerationProperties.class)
    static class Settings {}

    private static GenerationProperties properties(String cron, String zone, Duration lockAtMostFor) {
        return new GenerationProperties(cron, zone, true, true, lockAtMostFor, Duration.ofMinutes(2), 100, 2);
    }
}
