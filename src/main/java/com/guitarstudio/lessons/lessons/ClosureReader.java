package com.guitarstudio.lessons.lessons;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The closures of some teachers, as a transaction that writes lessons reads them: under the calendar
 * lock, held shared ({@link #forWriting}).
 */
@Component
class ClosureReader {

    private final JdbcClient jdbc;
    private final CalendarLock lock;

    ClosureReader(JdbcClient jdbc, CalendarLock lock) {
        this.jdbc = jdbc;
        this.lock = lock;
    }

    /**
     * The closures that apply to any of {@code teachers} and end on or after {@code from}, read for a
     * transaction that is about to write those teachers' lessons: it must already be running, and
     * holds the calendar lock shared from now until it ends ({@link CalendarLock}), so the closures
     * cannot change before its lessons are committed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Closure> forWriting(Collection<UUID> teachers, LocalDate from) {
        lock.holdShared();
        return read(teachers, from);
    }

    /** The closures that apply to any of {@code teachers} and end on or after {@code from}, without a lock. */
    List<Closure> read(Collection<UUID> teachers, LocalDate from) {
        return jdbc.sql("""
                        select id, teacher_id, starts_on, ends_on from studio_closure
                        where ends_on >= :from and (teacher_id is null or teacher_id = any(cast(:teachers as uuid[])))
                        """)
                .param("from", Date.valueOf(from))
                .param("teachers", teachers.stream().map(UUID::toString).toArray(String[]::new))
                .query(Closure.class)
                .list();
    }
}
