package com.guitarstudio.lessons.lessons;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Says, inside a transaction that writes lessons, why it writes them: the trigger on {@code lesson}
 * (V12) then writes a {@code lesson_event} for every lesson the transaction creates or changes, with
 * that cause and that run or closure. The setting ends with the transaction; a transaction that does
 * not say (a person's edit in the studio app) writes no event.
 */
@Component
class EventCause {

    private final JdbcClient jdbc;

    EventCause(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Lessons written by run {@code jobLogId}: inserted (RUN) or brought in line with their slot (RECONCILE). */
    void run(UUID jobLogId) {
        say("RUN", jobLogId, null);
    }

    /** Lessons closed or given back because closure {@code closureId} was created or deleted. */
    void closure(UUID closureId) {
        say("CLOSURE", null, closureId);
    }

    private void say(String cause, UUID jobLogId, UUID closureId) {
        jdbc.sql("""
                select set_config('lesson_event.cause', :cause, true),
                       set_config('lesson_event.job_log_id', :job, true),
                       set_config('lesson_event.closure_id', :closure, true)
                """)
                .param("cause", cause)
                .param("job", jobLogId == null ? "" : jobLogId.toString())
                .param("closure", closureId == null ? "" : closureId.toString())
                .query()
                .singleRow();
    }
}
