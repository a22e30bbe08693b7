/**
 * What studio admins use: the background-jobs page and the admin API, and the numbers both show
 * (defined once, in {@code Summary} and the job log's {@code JobStats}).
 */
@ApplicationModule(
        allowedDependencies = {
            "alerts",
            "calendar",
            "config",
            "events",
            "generation",
            "joblog",
            "health",
            "lessons",
            "security",
            "studio",
            "web"
        })
package com.guitarstudio.lessons.admin;

import org.springframework.modulith.ApplicationModule;
