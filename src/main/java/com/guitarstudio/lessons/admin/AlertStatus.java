package com.guitarstudio.lessons.admin;

import com.guitarstudio.lessons.alerts.Alerts;
import com.guitarstudio.lessons.alerts.LastAlert;

/**
 * The page's alerts panel: where alerts go and how the latest one went, in a sentence.
 *
 * @param tone ok, warn, error or info (the sentence's colour)
 */
public record AlertStatus(boolean enabled, String destination, String lastAlert, String tone) {

    static AlertStatus of(Alerts alerts, Times times, AdminMessages messages) {
        if (!alerts.enabled()) {
            return new AlertStatus(false, null, messages.get("jobs.alerts.off"), "info");
        }
        return alerts.last()
                .map(last -> new AlertStatus(true, alerts.destination(), sentence(last, times, messages), tone(last)))
                .orElseGet(() -> new AlertStatus(true, alerts.destination(), messages.get("jobs.alerts.none"), "info"));
    }

    private static String sentence(LastAlert last, Times times, AdminMessages messages) {
        String event = messages.get("alert.event." + last.event());
        String when = times.relative(last.raisedAt()) + " (" + times.absolute(last.raisedAt()) + ")";
        return switch (last.delivery()) {
            case DELIVERED -> messages.get("jobs.alerts.delivered", event, when, last.attempts());
            case FAILED -> messages.get("jobs.alerts.failed", event, when, last.attempts(), last.lastError());
            case PENDING -> messages.get("jobs.alerts.pending", event, when);
        };
    }

    private static String tone(LastAlert last) {
        return switch (last.delivery()) {
            case DELIVERED -> "ok";
            case FAILED -> "error";
            case PENDING -> "info";
        };
    }
}
