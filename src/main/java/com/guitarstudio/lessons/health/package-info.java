/**
 * The health report: what keeps lessons from being generated. This package defines {@link
 * com.guitarstudio.lessons.health.HealthCheck}; the features contribute the checks about their own
 * facts as beans, and the studio's numbers through {@link
 * com.guitarstudio.lessons.health.IndicatorsQuery}. It knows none of them.
 */
@ApplicationModule(allowedDependencies = "config")
package com.guitarstudio.lessons.health;

import org.springframework.modulith.ApplicationModule;
