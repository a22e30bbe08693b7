/**
 * Lesson generation: {@link com.guitarstudio.lessons.generation.LessonGenerationService} (a run:
 * the lock, the job log, the walk over the teachers in chunks, retention), what starts it in-process
 * (the schedule, the startup catch-up), and its health checks. What each chunk's lessons are and how
 * they are written is the {@code lessons} module's.
 */
@ApplicationModule(allowedDependencies = {"config", "studio", "joblog", "health", "lessons"})
package com.guitarstudio.lessons.generation;

import org.springframework.modulith.ApplicationModule;
