package com.guitarstudio.lessons.events;

import com.guitarstudio.lessons.config.DatabaseFailures;
import com.guitarstudio.lessons.config.Webhook;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes lesson events to LESSON_WEBHOOK_URL, in id order, in batches of at most {@value #BATCH}
 * ({@code {"events":[…]}}, the API's objects), signed like alerts. Every {@code pollEvery} each
 * instance tries; the one that gets the delivery row's lock ({@code lesson_event_delivery}, V13)
 * posts the next batch and records the last id the webhook acknowledged in the same transaction, so
 * one instance delivers at a time and any instance resumes where delivery stopped. At least once: a
 * batch acknowledged but not recorded is posted again, so receivers de-duplicate by id. A failed post
 * is tried again after {@code retryAfter}, doubling with each failure in a row up to {@code
 * maxBackoff}; it is recorded for the admin page and never touches a run, which only writes events.
 */
@Component
public class LessonWebhook {

    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(LessonWebhook.class);

    private final LessonEventProperties properties;
    private final Webhook webhook;
    private final LessonEventLog events;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final TaskScheduler scheduler;
    private final Counter delivered;
    private final Counter failed;
    private final AtomicLong backlog = new AtomicLong();

    /** Failed posts in a row, and when the next may be tried (System.nanoTime()); guarded by this. */
    private int failures;

    private long retryAt = System.nanoTime();

    /** The last id the webhook acknowledged, as this instance last read or wrote it; guarded by this. */
    private long acknowledged;

    LessonWebhook(
            LessonEventProperties properties,
            LessonEventLog events,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            JsonMapper json,
            TaskScheduler scheduler,
            MeterRegistry meters) {
        this.properties = properties;
        this.webhook = properties.webhookEnabled() ? properties.webhook() : null;
        this.events = events;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.json = json;
        this.scheduler = scheduler;
        this.delivered = outcome(meters, "delivered");
        this.failed = outcome(meters, "failed");
        Gauge.builder("lessons.events.backlog", backlog, AtomicLong::get)
                .description("Lesson events not yet acknowledged by LESSON_WEBHOOK_URL (by id)")
                .register(meters);
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("lessons.events.delivered")
                .description("Lesson events posted to LESSON_WEBHOOK_URL, by outcome (failed: posted in a batch"
                        + " the webhook refused; they are posted again)")
                .tag("outcome", outcome)
                .register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (webhook != null) {
            scheduler.scheduleWithFixedDelay(this::deliver, properties.pollEvery());
        }
    }

    /** Posts batches until none is left, the webhook fails, or another instance is delivering. */
    synchronized void deliver() {
        if (webhook == null || System.nanoTime() - retryAt < 0) {
            return;
        }
        try {
            Batch batch;
            do {
                batch = transactions.execute(status -> deliverOneBatch());
            } while (batch == Batch.FULL);
            if (batch == Batch.LAST || batch == Batch.FAILED) {
                backlog.set(Math.max(0, events.lastId() - acknowledged));
            }
        } catch (RuntimeException e) {
            log.warn("Could not deliver lesson events: {}", DatabaseFailures.rootMessage(e));
            backOff();
        }
    }

    private enum Batch {
        FULL,
        LAST,
        NONE,
        FAILED,
        BUSY
    }

    private Batch deliverOneBatch() {
        Optional<Long> last = jdbc.sql(
                        "select last_delivered_id from lesson_event_delivery where name = 'webhook' for update skip locked")
                .query(Long.class)
                .optional();
        if (last.isEmpty()) {
            return Batch.BUSY;
        }
        acknowledged = last.get();
        List<LessonEvent> batch = events.after(acknowledged, BATCH, null, null);
        if (batch.isEmpty()) {
            backlog.set(0);
            return Batch.NONE;
        }
        long to = batch.get(batch.size() - 1).id();
        try {
            webhook.send(json.writeValueAsBytes(new Posted(batch)));
        } catch (Webhook.DeliveryFailed e) {
            jdbc.sql("""
                            update lesson_event_delivery set failures = failures + 1, last_error = :error, failed_at = now()
                            where name = 'webhook'
                            """).param("error", e.getMessage()).update();
            failed.increment(batch.size());
            log.warn(
                    "Lesson events {} to {} not delivered to {}: {}",
                    batch.get(0).id(),
                    to,
                    webhook.destination(),
                    e.getMessage());
            backOff();
            return Batch.FAILED;
        }
        jdbc.sql("""
                        update lesson_event_delivery
                        set last_delivered_id = :to, delivered_at = now(), failures = 0, last_error = null
                        where name = 'webhook'
                        """).param("to", to).update();
        delivered.increment(batch.size());
        failures = 0;
        acknowledged = to;
        return batch.size() == BATCH ? Batch.FULL : Batch.LAST;
    }

    /** What is posted: {@code {"events":[…]}}. */
    record Posted(List<LessonEvent> events) {}

    private void backOff() {
        failures++;
        Duration wait = properties.retryAfter().multipliedBy(1L << Math.min(failures - 1, 20));
        if (wait.compareTo(properties.maxBackoff()) > 0) {
            wait = properties.maxBackoff();
        }
        retryAt = System.nanoTime() + wait.toNanos();
    }

    /** Where delivery stands, for the admin page; not configured when LESSON_WEBHOOK_URL is unset. */
    public Status status() {
        if (webhook == null) {
            return Status.NOT_CONFIGURED;
        }
        return jdbc.sql("""
                        select d.last_delivered_id, d.delivered_at, d.failures, d.last_error, d.failed_at,
                               greatest(0, coalesce((select max(id) from lesson_event), 0) - d.last_delivered_id)
                                 as backlog
                        from lesson_event_delivery d where d.name = 'webhook'
                        """)
                .query((row, number) -> new Status(
                        true,
                        webhook.destination(),
                        row.getLong("last_delivered_id"),
                        instant(row.getTimestamp("delivered_at")),
                        row.getLong("backlog"),
                        row.getInt("failures"),
                        row.getString("last_error"),
                        instant(row.getTimestamp("failed_at")),
                        events.undeliveredOlderThan(properties.retentionDays())))
                .single();
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * The webhook's state.
     *
     * @param destination the webhook's scheme, host and port only (its path may hold a token)
     * @param backlog events not yet acknowledged (by id)
     * @param failures failed posts since the last acknowledged one
     * @param retentionHeldBack events older than the retention wait for the webhook
     */
    public record Status(
            boolean configured,
            String destination,
            long lastDeliveredId,
            Instant deliveredAt,
            long backlog,
            int failures,
            String lastError,
            Instant failedAt,
            boolean retentionHeldBack) {

        static final Status NOT_CONFIGURED = new Status(false, null, 0, null, 0, 0, null, null, false);
    }
}
