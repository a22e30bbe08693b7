package com.guitarstudio.lessons.health;

import com.guitarstudio.lessons.generation.GenerationProgress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The health report as the page, the admin API and {@code /actuator/health} read it: the last one
 * while it is younger than {@code app.health.max-age} (30 s), else a fresh one. The checks are
 * aggregates over every slot (about 130 ms at 100,000 slots); a load balancer or a Docker health
 * check polling {@code /actuator/health}, or the admin page refreshing itself during a run, should
 * not run them again every few seconds. A generation run drops the report as soon as it writes,
 * and the page's "Check again" asks for a fresh one.
 */
@Service
public class HealthReports {

    private final HealthChecks checks;
    private final Clock clock;
    private final Duration maxAge;
    private final AtomicReference<HealthReport> last = new AtomicReference<>();

    HealthReports(HealthChecks checks, Clock clock, @Value("${app.health.max-age:PT30S}") Duration maxAge) {
        this.checks = checks;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** A report at most {@code app.health.max-age} old. */
    public HealthReport current() {
        HealthReport report = last.get();
        if (report != null && report.checkedAt().plus(maxAge).isAfter(clock.instant())) {
            return report;
        }
        return fresh();
    }

    /** A report checked now. */
    public HealthReport fresh() {
        HealthReport report = checks.run();
        last.set(report);
        return report;
    }

    @EventListener(GenerationProgress.class)
    void forget() {
        last.set(null);
    }
}
