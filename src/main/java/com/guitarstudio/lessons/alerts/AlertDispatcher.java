package com.guitarstudio.lessons.alerts;

import com.guitarstudio.lessons.config.Webhook;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends alerts on threads of its own, so a slow or dead webhook never delays or fails a run: the
 * caller only hands the alert over. For each alert: record it (the first instance to record an
 * event owns it; the others stop there), post it with a few attempts and a doubling backoff
 * (Spring's {@link RetryTemplate}),
 * record the outcome and count it ({@code lessons.alerts}, tagged by event and outcome). If the
 * database cannot be reached to record it (the very failure being reported, perhaps), the alert is
 * still sent.
 */
@Component
class AlertDispatcher {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

    private final AlertLog alerts;
    /** Null when alerts are off. */
    private final Webhook webhook;

    private final AlertProperties properties;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Executor executor;
    private final RetryTemplate retry;
    /** Alerts handed over and not yet sent: what {@link #idle()} tells tests that wait for alerts. */
    private final AtomicInteger pending = new AtomicInteger();

    AlertDispatcher(
            AlertLog alerts,
            AlertProperties properties,
            JsonMapper json,
            MeterRegistry meters,
            Clock clock,
            @Qualifier("alertSenders") Executor executor) {
        this.alerts = alerts;
        this.webhook = properties.enabled() ? properties.webhook() : null;
        this.properties = properties;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        this.executor = executor;
        this.retry = new RetryTemplate(retryPolicy(properties));
    }

    /** {@code attempts} tries in all, waiting {@code backoff} before the second and twice as long before each further one. */
    static RetryPolicy retryPolicy(AlertProperties properties) {
        return RetryPolicy.builder()
                .maxRetries(properties.attempts() - 1L)
                .delay(properties.backoff())
                .multiplier(2)
                .includes(Webhook.DeliveryFailed.class)
                .build();
    }

    /** Runs {@code work} (which may raise alerts) on an alert thread, when alerts are on. */
    void onAlertThread(Runnable work) {
        if (properties.enabled()) {
            pending.incrementAndGet();
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("Could not prepare an alert: {}", e.getMessage());
                } finally {
                    pending.decrementAndGet();
                }
            });
        }
    }

    /** Records and sends {@code alert} on an alert thread, when alerts are on. */
    void raise(Alert alert) {
        onAlertThread(() -> send(alert));
    }

    /** On an alert thread: record, post, record the outcome. */
    void send(Alert alert) {
        Optional<UUID> id;
        try {
            id = alerts.claim(alert, clock.instant());
            if (id.isEmpty()) {
                return; // another instance (or an earlier check) has this one
            }
        } catch (DataAccessException e) {
            log.warn("Could not record alert {} ({}); sending it anyway", alert.event(), e.getMessage());
            id = Optional.empty();
        }
        byte[] body = json.writeValueAsBytes(alert.payload());
        AtomicInteger attempts = new AtomicInteger();
        try {
            retry.execute(() -> {
                attempts.incrementAndGet();
                webhook.send(body);
                return null;
            });
            outcome(alert, id, attempts.get(), null);
        } catch (RetryException e) {
            // Every attempt failed, or the service is stopping and the wait before the next was cut short.
            outcome(alert, id, attempts.get(), e.getLastException().getMessage());
        }
    }

    private void outcome(Alert alert, Optional<UUID> id, int attempts, String error) {
        String outcome = error == null ? "delivered" : "failed";
        Counter.builder("lessons.alerts")
                .description("Alerts posted to ALERT_WEBHOOK_URL, by event and outcome")
                .tag("event", alert.event().name())
                .tag("outcome", outcome)
                .register(meters)
                .increment();
        if (error == null) {
            log.info("Alert {} delivered to {} (attempt {})", alert.event(), properties.destination(), attempts);
        } else {
            log.warn(
                    "Alert {} not delivered to {} after {} attempts: {}",
                    alert.event(),
                    properties.destination(),
                    attempts,
                    error);
        }
        try {
            if (id.isPresent() && error == null) {
                alerts.delivered(id.get(), attempts, clock.instant());
            } else if (id.isPresent()) {
                alerts.failed(id.get(), attempts, error);
            }
        } catch (DataAccessException e) {
            log.warn("Could not record the outcome of alert {}: {}", alert.event(), e.getMessage());
        }
    }

    /** Test seam: no alert is waiting or being sent. */
    boolean idle() {
        return pending.get() == 0;
    }
}
