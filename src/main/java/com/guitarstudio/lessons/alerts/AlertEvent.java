package com.guitarstudio.lessons.alerts;

/** What an alert is about ({@code alert.event} and the webhook's {@code event}). */
public enum AlertEvent {
    /** A run ended FAILED. */
    RUN_FAILED,
    /** A run ended PARTIAL: some teachers could not be processed. */
    RUN_PARTIAL,
    /** A run's instance went away before it finished. */
    RUN_ABANDONED,
    /** No run succeeded for ALERT_MISSED_AFTER while there are slots to generate lessons for. */
    RUN_MISSED,
    /** The first success after one of the above. */
    RECOVERED
}
