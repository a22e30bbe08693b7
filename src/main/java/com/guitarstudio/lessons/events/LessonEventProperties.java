package com.guitarstudio.lessons.events;

import com.guitarstudio.lessons.config.HttpUrl;
import com.guitarstudio.lessons.config.InvalidEnvironment;
import com.guitarstudio.lessons.config.Webhook;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Lesson change events.
 *
 * @param retentionDays events older than this are deleted after each run (LESSON_EVENT_RETENTION_DAYS),
 *     but never one the webhook has not acknowledged while LESSON_WEBHOOK_URL is set
 * @param webhookUrl LESSON_WEBHOOK_URL: where events are posted, in batches; unset: none are (the API
 *     still lists them). Never logged or shown whole
 * @param webhookSecret LESSON_WEBHOOK_SECRET: key of the {@code X-Signature-256} HMAC; unset: unsigned
 * @param timeout how long one post may take
 * @param retryAfter the wait after a failed post; it doubles with each failure in a row
 * @param maxBackoff the longest wait between two attempts
 * @param pollEvery how often each instance looks for events to deliver
 */
@ConfigurationProperties("app.lesson-events")
@Validated
record LessonEventProperties(
        @Min(1) int retentionDays,
        String webhookUrl,
        String webhookSecret,
        @NotNull Duration timeout,
        @NotNull Duration retryAfter,
        @NotNull Duration maxBackoff,
        @NotNull Duration pollEvery) {

    LessonEventProperties {
        webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.trim();
        webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret;
        if (webhookUrl != null && HttpUrl.parse(webhookUrl).isEmpty()) {
            throw InvalidEnvironment.invalid(
                    "LESSON_WEBHOOK_URL",
                    "is not an http or https URL; set it to the address your studio app takes lesson events"
                            + " at, for example https://studio.example.com/hooks/lesson-events");
        }
    }

    boolean webhookEnabled() {
        return webhookUrl != null;
    }

    /** Where events are posted; only when {@link #webhookEnabled()}. */
    Webhook webhook() {
        return new Webhook(webhookUrl, webhookSecret, timeout);
    }

    @Override
    public String toString() {
        return "LessonEventProperties[retentionDays=" + retentionDays + ", webhookUrl="
                + (webhookUrl == null ? "unset" : Webhook.destination(webhookUrl)) + ", webhookSecret="
                + (webhookSecret == null ? "unset" : "******") + ", timeout=" + timeout + ", retryAfter="
                + retryAfter + ", maxBackoff=" + maxBackoff + ", pollEvery=" + pollEvery + "]";
    }
}
