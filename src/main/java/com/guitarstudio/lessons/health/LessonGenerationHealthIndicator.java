package com.guitarstudio.lessons.health;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code lessonGeneration} component of {@code /actuator/health}. Data problems are warnings for
 * people, not outages: the component stays UP and lists them in its details (shown to admins
 * only). It goes DOWN only when the checks cannot run, i.e. the database is unreachable.
 */
@Component("lessonGenerationHealthIndicator")
class LessonGenerationHealthIndicator extends AbstractHealthIndicator {

    private final HealthReports reports;

    LessonGenerationHealthIndicator(HealthReports reports) {
        super("Lesson generation health checks failed");
        this.reports = reports;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        HealthReport report = reports.current();
        builder.up()
                .withDetail("isHealthy", report.isHealthy())
                .withDetail("issues", report.issues())
                .withDetail("indicators", report.indicators());
    }
}
