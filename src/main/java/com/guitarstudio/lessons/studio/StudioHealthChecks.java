package com.guitarstudio.lessons.studio;

import com.guitarstudio.lessons.config.ChangeNotes;
import com.guitarstudio.lessons.health.HealthCheck;
import com.guitarstudio.lessons.health.HealthIssue;
import com.guitarstudio.lessons.health.Indicators;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The health checks about the studio's data: what keeps slots from getting lessons, and what may
 * need a look. Each is a bean of its own, counted with aggregate SQL; the sentence and suggestion
 * are in messages.properties under {@code health.<check>}.
 */
final class StudioHealthChecks {

    private StudioHealthChecks() {}

    /** The report says {@code check} with {@code count} when the count is not zero. */
    private static Optional<HealthIssue> issue(String check, long count, MessageSourceAccessor messages) {
        return count == 0 ? Optional.empty() : Optional.of(HealthIssue.of(check, count, messages));
    }

    /** Teachers whose zone the generator cannot use: it skips them, so their slots get no lessons. */
    @Component
    @Order(300)
    static class UnknownTimeZones implements HealthCheck {

        private final JdbcClient jdbc;
        private final MessageSourceAccessor messages;

        UnknownTimeZones(JdbcClient jdbc, MessageSourceAccessor messages) {
            this.jdbc = jdbc;
            this.messages = messages;
        }

        @Override
        public Optional<HealthIssue> check(Supplier<Indicators> indicators) {
            // Zones are few and teachers many: Java judges each distinct zone once, and only the
            // teachers of zones it refuses are counted.
            List<String> unknown =
                    jdbc.sql("select distinct timezone from teacher_profile").query(String.class).list().stream()
                            .filter(zone -> TimeZones.parse(zone).isEmpty())
                            .toList();
            long teachers = unknown.isEmpty()
                    ? 0
                    : jdbc.sql("""
                            select count(*) from teacher_profile t
                            where t.timezone = any(:zones)
                              and exists (select 1 from recurring_slot r where r.teacher_id = t.id and r.status = 'ACTIVE')
                            """)
                            .param("zones", unknown.toArray(String[]::new))
                            .query(Long.class)
                            .single();
            return issue("unknown-time-zones", teachers, messages);
        }
    }

    @Component
    @Order(400)
    static class TeachersWithoutSettings implements HealthCheck {

        private final JdbcClient jdbc;
        private final MessageSourceAccessor messages;

        TeachersWithoutSettings(JdbcClient jdbc, MessageSourceAccessor messages) {
            this.jdbc = jdbc;
            this.messages = messages;
        }

        @Override
        public Optional<HealthIssue> check(Supplier<Indicators> indicators) {
            long teachers = jdbc.sql("""
                    select count(*) from teacher_profile t
                    where not exists (select 1 from teacher_lesson_settings s where s.teacher_id = t.id)
                      and exists (select 1 from recurring_slot r where r.teacher_id = t.id and r.status = 'ACTIVE')
                    """).query(Long.class).single();
            return issue("teachers-without-settings", teachers, messages);
        }
    }

    /** Pairs of one teacher's active slots on the same weekday whose times overlap. */
    @Component
    @Order(500)
    static class OverlappingSlots implements HealthCheck {

        private final JdbcClient jdbc;
        private final MessageSourceAccessor messages;

        OverlappingSlots(JdbcClient jdbc, MessageSourceAccessor messages) {
            this.jdbc = jdbc;
            this.messages = messages;
        }

        @Override
        public Optional<HealthIssue> check(Supplier<Indicators> indicators) {
            // Times as intervals since midnight, so 23:30 + 60 minutes does not wrap round to 00:30.
            long pairs = jdbc.sql("""
                    select count(*) from recurring_slot a join recurring_slot b
                      on b.teacher_id = a.teacher_id and b.status = 'ACTIVE' and b.day_of_week = a.day_of_week
                     and a.id < b.id
                     and (a.start_time - time '00:00') < (b.start_time - time '00:00') + b.duration_minutes * interval '1 minute'
                     and (b.start_time - time '00:00') < (a.start_time - time '00:00') + a.duration_minutes * interval '1 minute'
                    where a.status = 'ACTIVE'
                    """).query(Long.class).single();
            return issue("overlapping-slots", pairs, messages);
        }
    }

    /**
     * Pairs of one teacher's upcoming SCHEDULED lessons, generated or one-off, whose times overlap.
     * One ordered pass per teacher finds the lessons that start before an earlier one has ended (a
     * running maximum of end times, so a long lesson that spans two short ones counts with both);
     * only those few are then paired with the earlier lessons they overlap.
     *
     * <p>That pass reads every upcoming lesson, most of what keeping the report fresh costs in a large
     * studio (docs/performance.md). So the count is kept, with the database snapshot it was
     * made in, for as long as it is still true: no transaction that wrote lessons ({@code
     * lesson_change}, V7) has committed since, no counted pair has begun (a pair leaves the count
     * once its earlier lesson starts), and it is at most {@link #KEPT_AT_MOST} old by the database's
     * clock, which also bounds how long a noted transaction must be kept ({@link #NOTES_KEPT}).
     */
    @Component
    @Order(550)
    static class DoubleBookings implements HealthCheck {

        private final JdbcClient jdbc;
        private final ChangeNotes notes;
        private final MessageSourceAccessor messages;
        private final Clock clock;
        private final AtomicReference<Count> last = new AtomicReference<>();

        /**
         * A count and what it was true for.
         *
         * @param seen the database snapshot it read and the database's clock then
         * @param now the application's "now" it counted upcoming lessons from
         * @param firstStart when the earliest lesson of a counted pair starts; empty for no pairs
         */
        record Count(ChangeNotes.Seen seen, Instant now, long pairs, Optional<Instant> firstStart) {}

        DoubleBookings(JdbcClient jdbc, ChangeNotes notes, MessageSourceAccessor messages, Clock clock) {
            this.jdbc = jdbc;
            this.notes = notes;
            this.messages = messages;
            this.clock = clock;
        }

        @Override
        public Optional<HealthIssue> check(Supplier<Indicators> indicators) {
            Instant now = clock.instant();
            Count count = last.get();
            if (count == null || !stillTrue(count, now)) {
                count = count(now);
                last.set(count);
            }
            return issue("double-bookings", count.pairs(), messages);
        }

        /** The count kept now, if any. */
        Count kept() {
            return last.get();
        }

        /** Test seam: keeps {@code count} as if just counted (a count made an hour ago, say). */
        void keep(Count count) {
            last.set(count);
        }

        private boolean stillTrue(Count count, Instant now) {
            boolean sameLessonsUpcoming = !now.isBefore(count.now())
                    && count.firstStart().map(start -> !now.isAfter(start)).orElse(true);
            return sameLessonsUpcoming && notes.unchangedSince(ChangeNotes.Notes.LESSONS, count.seen());
        }

        /** Counts in one statement, so the snapshot it returns is the one the count read. */
        private Count count(Instant now) {
            notes.prune(ChangeNotes.Notes.LESSONS);
            return jdbc.sql("""
                    with upcoming as (
                      select id, teacher_id, start_at,
                             max(start_at + duration_minutes * interval '1 minute') over (
                               partition by teacher_id order by start_at, id
                               rows between unbounded preceding and 1 preceding) as earlier_end
                      from lesson where status = 'SCHEDULED' and start_at >= :now)
                    select %s, count(*) as pairs, min(earlier.start_at) as first_start
                    from upcoming later
                    join lesson earlier on earlier.teacher_id = later.teacher_id and earlier.status = 'SCHEDULED'
                     and earlier.start_at >= :now and earlier.start_at <= later.start_at
                     and (earlier.start_at, earlier.id) < (later.start_at, later.id)
                     and earlier.start_at + earlier.duration_minutes * interval '1 minute' > later.start_at
                    where later.earlier_end > later.start_at
                    """.formatted(ChangeNotes.SNAPSHOT_COLUMNS))
                    .param("now", Timestamp.from(now))
                    .query((row, number) -> new Count(
                            new ChangeNotes.Seen(
                                    row.getString("snapshot"),
                                    row.getTimestamp("counted_at").toInstant()),
                            now,
                            row.getLong("pairs"),
                            Optional.ofNullable(row.getTimestamp("first_start")).map(Timestamp::toInstant)))
                    .single();
        }
    }

    /** Active slots that fail the eligibility rule ({@link EligibleSlots#ELIGIBLE}). */
    @Component
    @Order(600)
    static class OrphanedSlots implements HealthCheck {

        private final MessageSourceAccessor messages;

        OrphanedSlots(MessageSourceAccessor messages) {
            this.messages = messages;
        }

        @Override
        public Optional<HealthIssue> check(Supplier<Indicators> indicators) {
            return issue("orphaned-slots", indicators.get().orphanedSlotsCount(), messages);
        }
    }

    /**
     * ACTIVE slots whose last date has passed everywhere: before today in the zone where today began
     * last (UTC−12), so no teacher's slot is reported while its last day is still going on.
     */
    @Component
    @Order(750)
    static class SlotsPastTheirEnd implements HealthCheck {

        private final JdbcClient jdbc;
        private final MessageSourceAccessor messages;
        private final Clock clock;

        SlotsPastTheirEnd(JdbcClient jdbc, MessageSourceAccessor messages, Clock clock) {
            this.jdbc = jdbc;
            this.messages = messages;
            this.clock = clock;
        }

        @Override
        public Optional<HealthIssue> check(Supplier<Indicators> indicators) {
            LocalDate today = TimeZones.earliestToday(clock);
            long slots = jdbc.sql("select count(*) from recurring_slot where status = 'ACTIVE' and ends_on < ?")
                    .param(java.sql.Date.valueOf(today))
                    .query(Long.class)
                    .single();
            return issue("slots-past-end", slots, messages);
        }
    }

    @Component
    @Order(700)
    static class OldSlots implements HealthCheck {

        private final MessageSourceAccessor messages;

        OldSlots(MessageSourceAccessor messages) {
            this.messages = messages;
        }

        @Override
        public Optional<HealthIssue> check(Supplier<Indicators> indicators) {
            return issue("old-slots", indicators.get().oldSlotsCount(), messages);
        }
    }
}
