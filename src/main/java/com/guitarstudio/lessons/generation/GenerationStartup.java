package com.guitarstudio.lessons.generation;

import com.guitarstudio.lessons.joblog.JobLogService;
import com.guitarstudio.lessons.joblog.JobTrigger;
import com.guitarstudio.lessons.studio.EligibleSlots;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the application is ready: runs left RUNNING by a process that died become ABANDONED (unless
 * a run is in progress on another instance), and, when slots that get lessons exist but nothing
 * succeeded in the last 24 hours (the service was down at 02:00, say), one catch-up run starts in
 * the background (GENERATION_CATCH_UP_ON_STARTUP).
 */
@Component
class GenerationStartup {

    static final Duration CATCH_UP_AFTER = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(GenerationStartup.class);

    private final LessonGenerationService generation;
    private final JobLogService jobLog;
    private final EligibleSlots slots;
    private final GenerationProperties properties;

    GenerationStartup(
            LessonGenerationService generation,
            JobLogService jobLog,
            EligibleSlots slots,
            GenerationProperties properties) {
        this.generation = generation;
        this.jobLog = jobLog;
        this.slots = slots;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        generation.abandonDeadRuns();
        if (properties.catchUpOnStartup() && !jobLog.succeededWithin(CATCH_UP_AFTER) && slots.exist()) {
            log.info("No lesson generation succeeded in the last 24 hours: starting a catch-up run");
            generation.runInBackground(JobTrigger.STARTUP, "startup");
        }
    }
}
