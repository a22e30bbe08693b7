/**
 * The studio's data, shared with the studio's main app: the entities that map its tables, the rule
 * of which slots get lessons ({@link com.guitarstudio.lessons.studio.RecurringSlotRepository#ELIGIBLE}),
 * the repository generation reads slots through, and the health checks about the data.
 */
@ApplicationModule(allowedDependencies = {"config", "health"})
package com.guitarstudio.lessons.studio;

import org.springframework.modulith.ApplicationModule;
