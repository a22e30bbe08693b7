package com.guitarstudio.lessons.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.guitarstudio.lessons.config.InvalidEnvironment;
import com.guitarstudio.lessons.config.Webhook;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOffExecution;

/** The alert settings an operator gets without setting anything, as the README promises them, and the ones refused. */
class AlertPropertiesTests {

    /** application.properties as the service reads it, with only the webhook set. */
    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(Settings.class)
            .withPropertyValues("ALERT_WEBHOOK_URL=https://hooks.example.com/services/T/B/x");

    @EnableConfigurationProperties(AlertProperties.class)
    static class Settings {}

    @Test
    void byDefaultAnAttemptMayTakeFiveSecondsAndFailuresAreTriedAgainAfterTwoThenFourSeconds() {
        service.run(context -> {
            AlertProperties properties = context.getBean(AlertProperties.class);

            assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(properties.attempts()).isEqualTo(3);
            assertThat(properties.missedAfter()).isEqualTo(Duration.ofHours(26));
            RetryPolicy policy = AlertDispatcher.retryPolicy(properties);
            BackOffExecution waits = policy.getBackOff().start();
            assertThat(waits.nextBackOff()).isEqualTo(2_000);
            assertThat(waits.nextBackOff()).isEqualTo(4_000);
            assertThat(waits.nextBackOff()).as("three attempts in all").isEqualTo(BackOffExecution.STOP);
            assertThat(policy.shouldRetry(new Webhook.DeliveryFailed("the webhook answered HTTP 500")))
                    .isTrue();
            assertThat(policy.shouldRetry(new IllegalStateException("a bug"))).isFalse();
        });
    }

    @Test
    void aMissedRunAlertSoonerThanAMinuteIsRefusedWithTheVariableNamed() {
        service.withPropertyValues("ALERT_MISSED_AFTER=PT59S")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(InvalidEnvironment.class)
                        .hasMessage(
                                "ALERT_MISSED_AFTER must be at least one minute (PT1M), for example PT26H, not PT59S"));
        service.withPropertyValues("ALERT_MISSED_AFTER=PT1M")
                .run(context -> assertThat(
                                context.getBean(AlertProperties.class).missedAfter())
                        .isEqualTo(Duration.ofMinutes(1)));
    }

    @Test
    void aWebhookThatIsNoHttpUrlIsRefused() {
        assertThatThrownBy(() -> new AlertProperties(
                        "ftp://hooks.example.com/x",
                        null,
                        Duration.ofHours(26),
                        Duration.ofSeconds(5),
                        3,
                        Duration.ofSeconds(2)))
                .isInstanceOf(InvalidEnvironment.class)
                .hasMessageStartingWith("ALERT_WEBHOOK_URL is not an http or https URL");
    }
}
