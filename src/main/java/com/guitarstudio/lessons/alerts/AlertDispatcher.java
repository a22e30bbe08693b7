package com.guitarstudio.lessons.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends alerts on threads of its own, so a slow or dead webhook never delays or fails a run: the
 * caller only hands the alert over. For each alert: record it (the first instance to record an
 * event owns it; the others stop there), post it with a few attempts and a doubling backoff,
 * record the outcome and count it ({@code lessons.alerts}, tagged by event and outcome). If the
 * database cannot be reached to record it (the very failure being reported, perhaps), the alert is
 * still sent.
 */
@Component
class AlertDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

    private final AlertLog alerts;
    private final WebhookSender sender;
    private final AlertProperties properties;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ExecutorService executor;
    private final AtomicInteger pending = new AtomicInteger();

    AlertDispatcher(
            AlertLog alerts,
            WebhookSender sender,
            AlertProperties properties,
            JsonMapper json,
            MeterRegistry meters,
            Clock clock) {
        this.alerts = alerts;
        this.sender = sender;
        this.properties = properties;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "alert-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code work} (which may raise alerts) on an alert thread, when alerts are on. */
    void later(Runnable work) {
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
        later(() -> send(alert));
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
        String lastError = null;
        for (int attempt = 1; attempt <= properties.attempts(); attempt++) {
            try {
                sender.send(body);
                outcome(alert, id, attempt, null);
                return;
            } catch (WebhookSender.DeliveryFailed e) {
                lastError = e.getMessage();
                if (attempt < properties.attempts()
                        && !pause(properties.backoff().multipliedBy(1L << (attempt - 1)))) {
                    break;
                }
            }
        }
        outcome(alert, id, properties.attempts(), lastError);
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

    /** Waits before the next attempt; false when the service is stopping. */
    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** No alert is waiting or being sent. */
    boolean idle() {
        return pending.get() == 0;
    }

    /** Stopping: alerts already handed over get one timeout's time to go out. */
    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
            executor.shutdownNow();
        }
    }
}
