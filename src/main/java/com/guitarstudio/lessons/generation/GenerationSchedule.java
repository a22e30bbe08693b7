package com.guitarstudio.lessons.generation;

import com.guitarstudio.lessons.joblog.JobTrigger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The in-process schedule (GENERATION_CRON in GENERATION_ZONE, daily at 02:00 UTC by default), off
 * with GENERATION_SCHEDULE_ENABLED=false. With several instances each fires; the lock lets one run
 * and the others record SKIPPED.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "app.generation.schedule-enabled")
class GenerationSchedule {

    private final LessonGenerationService generation;

    GenerationSchedule(LessonGenerationService generation) {
        this.generation = generation;
    }

    @Scheduled(cron = "${app.generation.cron}", zone = "${app.generation.zone}")
    void generateLessons() {
        generation.run(JobTrigger.SCHEDULE, "schedule");
    }
}
