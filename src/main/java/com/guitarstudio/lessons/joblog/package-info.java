/** The record of lesson generation runs in {@code job_log}: their life, their retention, and reading them back. */
@ApplicationModule(allowedDependencies = {})
package com.guitarstudio.lessons.joblog;

import org.springframework.modulith.ApplicationModule;
