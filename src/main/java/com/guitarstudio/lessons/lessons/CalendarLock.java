package com.guitarstudio.lessons.lessons;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one rule that keeps closures and lesson writes consistent while both happen at once: a
 * transaction that writes lessons holds PostgreSQL's transaction-scoped advisory lock {@link #KEY}
 * shared, from before it reads the closures until it commits; a transaction that creates or
 * deletes a closure holds it exclusively. So a closure change waits for the lesson writes in flight
 * and then sees their rows, and a lesson write that starts after the change sees the closure: never
 * a SCHEDULED lesson inside a closure, nor a CLOSED one outside.
 */
@Component
class CalendarLock {

    /** "calendar" in ASCII (7161124065395368306); another program that writes closures takes the same lock. */
    static final long KEY = 0x63616c656e646172L;

    private final JdbcClient jdbc;

    CalendarLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inside a transaction: held shared until it ends. */
    void holdShared() {
        jdbc.sql("select pg_advisory_xact_lock_shared(?)").param(KEY).query().singleValue();
    }

    /** Inside a transaction: held exclusively until it ends; waits for the lesson writes in flight. */
    void holdExclusive() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(KEY).query().singleValue();
    }
}
