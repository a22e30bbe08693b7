package com.guitarstudio.lessons.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code alert} table: which events were raised (the unique {@code dedup_key} makes one instance
 * the owner of each) and how their delivery went.
 */
@Component
class AlertLog {

    private static final List<String> PROBLEMS = List.of(
            AlertEvent.RUN_FAILED.name(),
            AlertEvent.RUN_PARTIAL.name(),
            AlertEvent.RUN_ABANDONED.name(),
            AlertEvent.RUN_MISSED.name());

    private final JdbcClient jdbc;

    AlertLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the alert unless one with its key exists; the id when this call claimed it. */
    Optional<UUID> claim(Alert alert, Instant raisedAt) {
        return jdbc.sql("""
                insert into alert (event, dedup_key, job_log_id, text, raised_at)
                values (:event, :key, :jobLogId, :text, :raisedAt)
                on conflict (dedup_key) do nothing
                returning id
                """)
                .param("event", alert.event().name())
                .param("key", alert.key())
                .param("jobLogId", alert.jobLogId())
                .param("text", alert.text())
                .param("raisedAt", Timestamp.from(raisedAt))
                .query(UUID.class)
                .optional();
    }

    void delivered(UUID id, int attempts, Instant at) {
        jdbc.sql("update alert set status = 'DELIVERED', attempts = :attempts, delivered_at = :at, last_error = null"
                        + " where id = :id")
                .param("id", id)
                .param("attempts", attempts)
                .param("at", Timestamp.from(at))
                .update();
    }

    void failed(UUID id, int attempts, String error) {
        jdbc.sql("update alert set status = 'FAILED', attempts = :attempts, last_error = :error where id = :id")
                .param("id", id)
                .param("attempts", attempts)
                .param("error", error)
                .update();
    }

    /** The latest problem alert that no RECOVERED alert has followed yet. */
    Optional<UUID> unrecoveredProblem() {
        return jdbc.sql("""
                select p.id from alert p
                where p.event in (:problems)
                  and not exists (select 1 from alert r where r.event = 'RECOVERED' and r.raised_at >= p.raised_at)
                order by p.raised_at desc
                limit 1
                """).param("problems", PROBLEMS).query(UUID.class).optional();
    }

    Optional<LastAlert> latest() {
        return jdbc.sql("""
                select event, raised_at, status, attempts, last_error
                from alert order by raised_at desc, created_at desc limit 1
                """)
                .query((rs, n) -> new LastAlert(
                        AlertEvent.valueOf(rs.getString("event")),
                        rs.getTimestamp("raised_at").toInstant(),
                        LastAlert.Delivery.valueOf(rs.getString("status")),
                        rs.getInt("attempts"),
                        rs.getString("last_error")))
                .optional();
    }
}
