package com.guitarstudio.lessons.admin;

import com.guitarstudio.lessons.events.LessonWebhook;

/**
 * The page's lesson events panel: where events go and how delivery stands, in a sentence.
 *
 * @param tone ok, warn, error or info (the sentence's colour)
 * @param heldBack a second sentence when retention waits for the webhook, else null
 */
public record WebhookStatus(boolean enabled, String destination, String delivery, String tone, String heldBack) {

    static WebhookStatus of(LessonWebhook.Status status, Times times, AdminMessages messages) {
        if (!status.configured()) {
            return new WebhookStatus(false, null, messages.get("jobs.events.off"), "info", null);
        }
        String heldBack = status.retentionHeldBack() ? messages.get("jobs.events.heldBack") : null;
        if (status.lastError() != null) {
            return new WebhookStatus(
                    true,
                    status.destination(),
                    messages.get(
                            "jobs.events.failing",
                            status.lastError(),
                            status.failures(),
                            times.relative(status.failedAt()),
                            status.backlog()),
                    "error",
                    heldBack);
        }
        if (status.deliveredAt() == null) {
            return new WebhookStatus(
                    true, status.destination(), messages.get("jobs.events.none", status.backlog()), "info", heldBack);
        }
        String last = messages.get(
                status.backlog() == 0 ? "jobs.events.upToDate" : "jobs.events.behind",
                status.lastDeliveredId(),
                times.relative(status.deliveredAt()),
                status.backlog());
        return new WebhookStatus(true, status.destination(), last, status.backlog() == 0 ? "ok" : "info", heldBack);
    }
}
