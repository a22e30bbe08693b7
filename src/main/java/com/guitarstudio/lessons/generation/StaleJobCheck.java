package com.guitarstudio.lessons.generation;

import com.guitarstudio.lessons.health.HealthCheck;
import com.guitarstudio.lessons.health.HealthIssue;
import com.guitarstudio.lessons.health.Indicators;
import com.guitarstudio.lessons.joblog.JobLogService;
import com.guitarstudio.lessons.joblog.JobStats;
import com.guitarstudio.lessons.studio.EligibleSlots;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The {@code stale-job} health check: a run has been RUNNING for longer than its lock may be held
 * (its instance has probably died), or no run succeeded in the last 48 hours while there are slots
 * to generate lessons for.
 */
@Component
@Order(100)
class StaleJobCheck implements HealthCheck {

    static final String CHECK = "stale-job";

    private final JobLogService jobLog;
    private final EligibleSlots slots;
    private final GenerationProperties properties;
    private final MessageSourceAccessor messages;
    private final Clock clock;

    StaleJobCheck(
            JobLogService jobLog,
            EligibleSlots slots,
            GenerationProperties properties,
            MessageSourceAccessor messages,
            Clock clock) {
        this.jobLog = jobLog;
        this.slots = slots;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public Optional<HealthIssue> check(Supplier<Indicators> indicators) {
        long stuck = jobLog.countRunningSince(clock.instant().minus(properties.lockAtMostFor()));
        if (stuck > 0) {
            return Optional.of(HealthIssue.worded(
                    CHECK,
                    "health.stale-job.stuck",
                    stuck,
                    messages,
                    properties.lockAtMostFor().toMinutes()));
        }
        if (!jobLog.succeededWithin(JobStats.RECENT_SUCCESS) && slots.exist()) {
            String key = jobLog.lastSuccess().isPresent() ? "health.stale-job.late" : "health.stale-job.never";
            return Optional.of(HealthIssue.worded(CHECK, key, 1, messages, JobStats.RECENT_SUCCESS.toHours()));
        }
        return Optional.empty();
    }
}
