package com.guitarstudio.lessons.events;

import com.guitarstudio.lessons.config.DatabaseFailures;
import com.guitarstudio.lessons.generation.GenerationFinished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deletes events older than LESSON_EVENT_RETENTION_DAYS after each run, as the job log's old runs are;
 * while LESSON_WEBHOOK_URL is set, only those the webhook has acknowledged.
 */
@Component
class EventRetention {

    private static final Logger log = LoggerFactory.getLogger(EventRetention.class);

    private final LessonEventLog events;
    private final LessonEventProperties properties;

    EventRetention(LessonEventLog events, LessonEventProperties properties) {
        this.events = events;
        this.properties = properties;
    }

    @EventListener
    void afterRun(GenerationFinished finished) {
        try {
            int deleted = events.deleteOlderThan(properties.retentionDays(), properties.webhookEnabled());
            if (deleted > 0) {
                log.info("Lesson events past retention deleted: {}", deleted);
            }
        } catch (RuntimeException e) {
            // The next run tries again; a run's result does not depend on it.
            log.warn("Could not delete lesson events past retention: {}", DatabaseFailures.rootMessage(e));
        }
    }
}
