package com.guitarstudio.lessons.studio;

import com.guitarstudio.lessons.health.HealthCheck;
import com.guitarstudio.lessons.health.HealthIssue;
import com.guitarstudio.lessons.health.Indicators;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
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
    private static Optional<HealthIssue> issue(String check, long count, MessageSource messages) {
        return count == 0 ? Optional.empty() : Optional.of(HealthIssue.of(check, count, messages));
    }

    /** Teachers whose zone the generator cannot use: it skips them, so their slots get no lessons. */
    @Component
    @Order(300)
    static class UnknownTimeZones implements HealthCheck {

        private final JdbcClient jdbc;
        private final MessageSource messages;

        UnknownTimeZones(JdbcClient jdbc, MessageSource messages) {
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
        private final MessageSource messages;

        TeachersWithoutSettings(JdbcClient jdbc, MessageSource messages) {
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
        private final MessageSource messages;

        OverlappingSlots(JdbcClient jdbc, MessageSource messages) {
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

    /** Active slots that fail the eligibility rule ({@link RecurringSlotRepository#ELIGIBLE}). */
    @Component
    @Order(600)
    static class OrphanedSlots implements HealthCheck {

        private final MessageSource messages;

        OrphanedSlots(MessageSource messages) {
            this.messages = messages;
        }

        @Override
        public Optional<HealthIssue> check(Supplier<Indicators> indicators) {
            return issue("orphaned-slots", indicators.get().orphanedSlotsCount(), messages);
        }
    }

    @Component
    @Order(700)
    static class OldSlots implements HealthCheck {

        private final MessageSource messages;

        OldSlots(MessageSource messages) {
            this.messages = messages;
        }

        @Override
        public Optional<HealthIssue> check(Supplier<Indicators> indicators) {
            return issue("old-slots", indicators.get().oldSlotsCount(), messages);
        }
    }
}
