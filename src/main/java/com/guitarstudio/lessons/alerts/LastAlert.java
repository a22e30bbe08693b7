package com.guitarstudio.lessons.alerts;

import java.time.Instant;

/**
 * The latest alert, for the admin page.
 *
 * @param attempts delivery attempts made so far
 * @param lastError why the last attempt failed, when it did
 */
public record LastAlert(AlertEvent event, Instant raisedAt, Delivery delivery, int attempts, String lastError) {

    public enum Delivery {
        PENDING,
        DELIVERED,
        FAILED
    }
}
