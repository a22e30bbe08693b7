package com.guitarstudio.lessons.health;

import java.time.Instant;
import java.util.List;

/** The outcome of the health checks: the issues found (none when healthy), the studio's numbers, and when. */
public record HealthReport(List<HealthIssue> issues, Indicators indicators, Instant checkedAt) {

    public HealthReport {
        issues = List.copyOf(issues);
    }

    public boolean isHealthy() {
        return issues.isEmpty();
    }

    /** The admin API's shape: sentences and suggestions as two parallel lists. */
    public SystemHealth systemHealth() {
        return new SystemHealth(
                isHealthy(),
                issues.stream().map(HealthIssue::message).toList(),
                issues.stream().map(HealthIssue::suggestion).toList(),
                indicators);
    }
}
