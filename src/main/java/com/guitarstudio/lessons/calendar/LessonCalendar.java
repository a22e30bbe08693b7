package com.guitarstudio.lessons.calendar;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The calendar as lesson generation reads it. */
@Service
public class LessonCalendar {

    private final JdbcClient jdbc;
    private final CalendarLock lock;
    private final ClosureService closures;

    LessonCalendar(JdbcClient jdbc, CalendarLock lock, ClosureService closures) {
        this.jdbc = jdbc;
        this.lock = lock;
        this.closures = closures;
    }

    /** The first {@code limit} closures in effect or still to come, earliest first. */
    public List<UpcomingClosure> upcoming(int limit) {
        return closures.currentAndUpcoming().stream()
                .limit(limit)
                .map(closure -> new UpcomingClosure(
                        closure.startsOn(),
                        closure.endsOn(),
                        closure.teacherName(),
                        closure.reason(),
                        closure.lessonsClosed()))
                .toList();
    }

    /**
     * The closures that apply to any of {@code teachers} and overlap {@code from..to}, read for a
     * transaction that is about to write those teachers' lessons: it must already be running, and
     * holds the calendar lock shared from now until it ends ({@link CalendarLock}), so the closures
     * cannot change before its lessons are committed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Closure> closuresForWriting(Collection<UUID> teachers, LocalDate from, LocalDate to) {
        lock.holdShared();
        return jdbc.sql("""
                        select id, teacher_id, starts_on, ends_on from studio_closure
                        where ends_on >= :from and starts_on <= :to
                          and (teacher_id is null or teacher_id = any(cast(:teachers as uuid[])))
                        """)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .param("teachers", teachers.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, n) -> new Closure(
                        rs.getObject("id", UUID.class),
                        rs.getObject("teacher_id", UUID.class),
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class)))
                .list();
    }
}
