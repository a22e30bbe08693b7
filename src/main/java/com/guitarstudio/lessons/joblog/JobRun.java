package com.guitarstudio.lessons.joblog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of the run history, as the admin API and page show it. */
public record JobRun(
        UUID id,
        String jobName,
        JobTrigger trigger,
        String triggeredBy,
        JobStatus status,
        boolean success,
        Instant executedAt,
        Instant finishedAt,
        Long durationMs,
        int lessonsGenerated,
        int lessonsClosed,
        int lessonsUpdated,
        int lessonsCancelled,
        int lessonsHeld,
        int teachersProcessed,
        int slotsProcessed,
        List<String> errors) {

    static JobRun of(JobLog log) {
        return new JobRun(
                log.getId(),
                log.getJobName(),
                log.getTrigger(),
                log.getTriggeredBy(),
                log.getStatus(),
                log.isSuccess(),
                log.getExecutedAt(),
                log.getFinishedAt(),
                log.getDurationMs(),
                log.getLessonsGenerated(),
                log.getLessonsClosed(),
                log.getLessonsUpdated(),
                log.getLessonsCancelled(),
                log.getLessonsHeld(),
                log.getTeachersProcessed(),
                log.getSlotsProcessed(),
                List.copyOf(log.getErrors()));
    }
}
