/**
 * Lesson generation: {@link com.guitarstudio.lessons.generation.LessonGenerationService} (a run:
 * the lock, the job log, the lessons, retention), what starts it in-process (the schedule, the
 * startup catch-up), the time-zone rules ({@code OccurrencePlanner}) and the bulk insert
 * ({@code LessonWriter}).
 */
@ApplicationModule(allowedDependencies = {"calendar", "config", "studio", "joblog", "health"})
package com.guitarstudio.lessons.generation;

import org.springframework.modulith.ApplicationModule;
