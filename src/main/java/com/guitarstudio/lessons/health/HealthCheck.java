package com.guitarstudio.lessons.health;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * One check of the health report. Each feature contributes the checks about its own facts as beans
 * (the studio's data, the job's runs, the cron secret); this package knows none of them. Their
 * {@code @Order} is the order the report lists their issues in.
 */
public interface HealthCheck {

    /**
     * What this check finds now, or empty when all is well.
     *
     * @param indicators the studio's numbers, read once per report alongside the checks; a check
     *     that needs them waits for them, the others never ask
     */
    Optional<HealthIssue> check(Supplier<Indicators> indicators);
}
