package com.guitarstudio.lessons.joblog;

/** What started a run ({@code job_log.trigger}). */
public enum JobTrigger {
    SCHEDULE,
    CRON,
    MANUAL,
    STARTUP
}
