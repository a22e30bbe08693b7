/**
 * Alerts for operators: a JSON post to ALERT_WEBHOOK_URL (readable in Slack, Mattermost and Teams,
 * signed with ALERT_WEBHOOK_SECRET) when a run fails, ends partial, is abandoned, is missed, and
 * when generation recovers. Sent once per event across instances, on threads of its own, with
 * retries; every outcome is recorded for the admin page.
 */
@ApplicationModule(allowedDependencies = {"config", "generation", "joblog", "studio"})
package com.guitarstudio.lessons.alerts;

import org.springframework.modulith.ApplicationModule;
