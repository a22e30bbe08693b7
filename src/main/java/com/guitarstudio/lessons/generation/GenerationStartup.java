package com.guitarstudio.lessons.generation;

import com.guitarstudio.lessons.joblog.JobLogService;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When the application is ready: runs left RUNNING by a process that died become ABANDONED (unless
 * a run is in progress on another instance), and, when active slots exist but nothing succeeded in
 * the last 24 hours (the service was down at 02:00, say), one catch-up run starts in the background
 * (GENERATION_CATCH_UP_ON_STARTUP).
 */
@Component
class GenerationStartup {

    private static final Logger log = LoggerFactory.getLogger(GenerationStartup.class);

    private final JobRunner runner;
    private final JobLogService jobLog;
    private final JdbcClient jdbc;
    private final GenerationProperties properties;

    GenerationStartup(JobRunner runner, JobLogService jobLog, JdbcClient jdbc, GenerationProperties properties) {
        this.runner = runner;
        this.jobLog = jobLog;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        runner.abandonDeadRuns();
        if (properties.catchUpOnStartup()
                && activeSlotsExist()
                && !jobLog.succeededWithin(GenerationLock.NAME, Duration.ofHours(24))) {
            log.info("No lesson generation succeeded in the last 24 hours: starting a catch-up run");
            runner.runInBackground(JobTrigger.STARTUP, "startup");
        }
    }

    private boolean activeSlotsExist() {
        return jdbc.sql("select exists (select 1 from recurring_slot where status = 'ACTIVE')")
                .query(Boolean.class)
                .single();
    }
}
