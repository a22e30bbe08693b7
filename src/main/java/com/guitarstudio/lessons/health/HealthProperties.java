package com.guitarstudio.lessons.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxAge how old a health report the page, the admin API and {@code /actuator/health} may
 *     show (HEALTH_MAX_AGE, default 5 s); 0 checks afresh on every request
 */
@ConfigurationProperties("app.health")
@Validated
record HealthProperties(Duration maxAge) {

    HealthProperties {
        if (maxAge == null || maxAge.isNegative()) {
            throw new IllegalArgumentException("app.health.max-age (HEALTH_MAX_AGE) must be 0 or more, not " + maxAge);
        }
    }
}
