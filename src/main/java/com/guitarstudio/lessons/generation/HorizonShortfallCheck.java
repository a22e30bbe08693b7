package com.guitarstudio.lessons.generation;

import com.guitarstudio.lessons.health.HealthCheck;
import com.guitarstudio.lessons.health.HealthIssue;
import com.guitarstudio.lessons.health.Indicators;
import com.guitarstudio.lessons.lessons.LessonProperties;
import com.guitarstudio.lessons.studio.EligibleSlots;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code horizon-shortfall} health check: eligible slots whose latest generated lesson lies more
 * than a cadence (7 days for a weekly slot, 14 for every other week, …) and {@link #GRACE_DAYS}
 * before the end of what a run now would plan — the window's end, or the slot's own last date when it comes sooner. A slot whose
 * term starts after that point is not expected to have lessons yet. New or changed slots show here
 * until the next run; a count that stays after a run means the job is not keeping up.
 */
@Component
@Order(110)
class HorizonShortfallCheck implements HealthCheck {

    /**
     * Days of grace beyond the cadence: the daily run's lessons are up to a day old, and a teacher's
     * today may be a day behind the UTC date this check counts from.
     */
    static final int GRACE_DAYS = 2;

    /**
     * Every slot's latest lesson comes from one grouped pass over {@code lesson} rather than a probe
     * per slot: a plan made while the table is nearly empty (the first run of a large studio is
     * filling it) would probe with a scan of the whole table per slot, and a check started then ran
     * for many minutes at a million slots; the grouped pass stays linear whatever the plan.
     */
    private static final String SHORT_SLOTS =
            """
            select count(*) from %s
            left join (select recurring_slot_id, max(occurrence_date) as latest from lesson
                       where recurring_slot_id is not null group by recurring_slot_id) generated
                   on generated.recurring_slot_id = r.id
            where %s
              and least(coalesce(r.ends_on, cast(:windowEnd as date)), cast(:windowEnd as date)) - 7 * r.interval_weeks - :grace >= cast(:today as date)
              and coalesce(r.starts_on, cast(:today as date)) <= least(coalesce(r.ends_on, cast(:windowEnd as date)), cast(:windowEnd as date)) - 7 * r.interval_weeks - :grace
              and coalesce(generated.latest, cast(:today as date) - 1)
                  < least(coalesce(r.ends_on, cast(:windowEnd as date)), cast(:windowEnd as date)) - 7 * r.interval_weeks - :grace
            """.formatted(EligibleSlots.SLOTS_WITH_TEACHER_AND_STUDENT, EligibleSlots.ELIGIBLE);

    private final JdbcClient jdbc;
    private final LessonProperties properties;
    private final MessageSourceAccessor messages;
    private final Clock clock;

    HorizonShortfallCheck(JdbcClient jdbc, LessonProperties properties, MessageSourceAccessor messages, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public Optional<HealthIssue> check(Supplier<Indicators> indicators) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        long slots = jdbc.sql(SHORT_SLOTS)
                .param("today", Date.valueOf(today))
                .param("windowEnd", Date.valueOf(today.plusWeeks(properties.horizonWeeks())))
                .param("grace", GRACE_DAYS)
                .query(Long.class)
                .single();
        return slots == 0 ? Optional.empty() : Optional.of(HealthIssue.of("horizon-shortfall", slots, messages));
    }
}
