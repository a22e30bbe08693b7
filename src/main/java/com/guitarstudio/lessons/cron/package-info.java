/**
 * The endpoint external cron services call, with everything that is only about it: CRON_SECRET,
 * its own security filter chain and 401 answer, and the health check that warns when it is open.
 */
@ApplicationModule(allowedDependencies = {"generation", "joblog", "security", "health", "web"})
package com.guitarstudio.lessons.cron;

import org.springframework.modulith.ApplicationModule;
