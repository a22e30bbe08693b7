package com.guitarstudio.lessons.config;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lets a costly count be kept while it is still true. A statement-level trigger notes each transaction
 * that writes some tables in a notes table ({@code lesson_change} for lessons, {@code slot_change}
 * for slots, teachers, students and planned slots: one row per transaction, not per row). A count
 * made in one statement together with {@code pg_current_snapshot()} knows exactly which transactions
 * it saw; it is still true while no noted transaction is missing from that snapshot, which takes a
 * millisecond to ask. Counts are kept an hour at most, and notes a day.
 */
@Component
public class ChangeNotes {

    /** The longest a count is kept, even when nothing seems to have changed. */
    public static final Duration KEPT_AT_MOST = Duration.ofHours(1);

    /** How long a note is kept: far longer than a count. */
    static final Duration NOTES_KEPT = Duration.ofDays(1);

    /** The database snapshot and clock of a count: select them in the same statement as the count. */
    public static final String SNAPSHOT_COLUMNS =
            "cast(pg_current_snapshot() as text) as snapshot, statement_timestamp() as counted_at";

    private final JdbcClient jdbc;

    ChangeNotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a count saw: {@link #SNAPSHOT_COLUMNS}. */
    public record Seen(String snapshot, Instant countedAt) {}

    /**
     * Whether no transaction noted in {@code notes} has committed since the count that saw {@code
     * seen}, and the count is less than {@link #KEPT_AT_MOST} old by the database's clock.
     */
    public boolean unchangedSince(Notes notes, Seen seen) {
        return jdbc.sql("""
                        select statement_timestamp() < cast(:countedAt as timestamptz) + cast(:keptAtMost as bigint) * interval '1 second'
                           and not exists (
                             select 1 from %s
                             where xid >= pg_snapshot_xmin(cast(:snapshot as pg_snapshot))
                               and not pg_visible_in_snapshot(xid, cast(:snapshot as pg_snapshot)))
                        """.formatted(notes.table()))
                .param("countedAt", Timestamp.from(seen.countedAt()))
                .param("keptAtMost", KEPT_AT_MOST.toSeconds())
                .param("snapshot", seen.snapshot())
                .query(Boolean.class)
                .single();
    }

    /** Deletes the notes older than a day; call before counting again. */
    public void prune(Notes notes) {
        jdbc.sql("delete from %s where changed_at < statement_timestamp() - cast(:kept as bigint) * interval '1 second'"
                        .formatted(notes.table()))
                .param("kept", NOTES_KEPT.toSeconds())
                .update();
    }

    /** The notes tables and what their triggers watch. */
    public enum Notes {
        /** Transactions that wrote {@code lesson}. */
        LESSONS("lesson_change"),
        /** Transactions that wrote {@code recurring_slot}, {@code teacher_profile}, {@code student_profile} or {@code planned_slot}. */
        SLOTS("slot_change");

        private final String table;

        Notes(String table) {
            this.table = table;
        }

        String table() {
            return table;
        }
    }
}
