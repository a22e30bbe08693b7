package com.guitarstudio.lessons.alerts;

import com.guitarstudio.lessons.config.HttpUrl;
import com.guitarstudio.lessons.config.InvalidEnvironment;
import com.guitarstudio.lessons.config.Webhook;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Alert settings.
 *
 * @param webhookUrl ALERT_WEBHOOK_URL: where alerts are posted; unset: no alerts. Often holds a token
 *     (Slack's does), so it is never logged or shown whole: see {@link #destination()}. A user and
 *     password in it are sent as Basic authentication
 * @param webhookSecret ALERT_WEBHOOK_SECRET: key of the {@code X-Signature-256} HMAC; unset: unsigned
 * @param missedAfter ALERT_MISSED_AFTER: alert when no run succeeded for this long
 * @param timeout how long one delivery attempt may take
 * @param attempts delivery attempts before the alert is recorded as failed
 * @param backoff the wait before the second attempt; it doubles for each further one
 */
@ConfigurationProperties("app.alerts")
@Validated
record AlertProperties(
        String webhookUrl,
        String webhookSecret,
        @NotNull Duration missedAfter,
        @NotNull Duration timeout,
        @Min(1) int attempts,
        @NotNull Duration backoff) {

    AlertProperties {
        webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.trim();
        webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret;
        if (webhookUrl != null && HttpUrl.parse(webhookUrl).isEmpty()) {
            throw InvalidEnvironment.invalid(
                    "ALERT_WEBHOOK_URL",
                    "is not an http or https URL; set it to the incoming webhook your chat or paging tool gives, for"
                            + " example https://hooks.slack.com/services/…");
        }
        if (missedAfter != null && missedAfter.compareTo(Duration.ofMinutes(1)) < 0) {
            throw InvalidEnvironment.invalid(
                    "ALERT_MISSED_AFTER", "must be at least one minute (PT1M), for example PT26H, not " + missedAfter);
        }
    }

    boolean enabled() {
        return webhookUrl != null;
    }

    /** Where alerts are posted; only when {@link #enabled()}. */
    Webhook webhook() {
        return new Webhook(webhookUrl, webhookSecret, timeout);
    }

    /** The webhook without its path and query, which often hold a token: {@code https://hooks.slack.com/…}. */
    String destination() {
        return webhookUrl == null ? null : Webhook.destination(webhookUrl);
    }

    @Override
    public String toString() {
        return "AlertProperties[webhookUrl=" + destination() + ", webhookSecret="
                + (webhookSecret == null ? "unset" : "******") + ", missedAfter=" + missedAfter + ", timeout="
                + timeout + ", attempts=" + attempts + ", backoff=" + backoff + "]";
    }
}
