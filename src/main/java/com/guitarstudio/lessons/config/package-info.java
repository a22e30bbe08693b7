/**
 * Shared mechanisms every feature may use: the clock, reading the database location from the
 * environment, the one rule for "the database is unavailable", startup failure reports, log format.
 * Depends on no feature.
 */
@ApplicationModule(allowedDependencies = {})
package com.guitarstudio.lessons.config;

import org.springframework.modulith.ApplicationModule;
