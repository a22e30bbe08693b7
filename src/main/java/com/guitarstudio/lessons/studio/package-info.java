/**
 * The studio's data, shared with the studio's main app, which owns its tables: the rule of which
 * slots get lessons ({@link com.guitarstudio.lessons.studio.EligibleSlots#ELIGIBLE}), the studio's
 * numbers and the health checks about its data. The service reads these tables with SQL and maps
 * none of them as entities (the tests do, to write studios; the schema is checked by
 * {@code SchemaContractTests}).
 */
@ApplicationModule(allowedDependencies = {"config", "health"})
package com.guitarstudio.lessons.studio;

import org.springframework.modulith.ApplicationModule;
