/**
 * The one place that renders errors: RFC 9457 problem details for the API (controller errors,
 * unknown paths and methods, and the security filters' 401 and 403), and the error pages for the
 * browser.
 */
@ApplicationModule(allowedDependencies = {"config", "generation", "joblog"})
package com.guitarstudio.lessons.web;

import org.springframework.modulith.ApplicationModule;
