package com.guitarstudio.lessons.generation;

import com.guitarstudio.lessons.joblog.JobTrigger;
import java.time.Instant;

/**
 * Published when a run has ended and recorded itself (or failed to start for want of a database),
 * on the run's thread: a listener must hand any slow work to a thread of its own.
 */
public record GenerationFinished(GenerationResult result, JobTrigger trigger, String triggeredBy, Instant startedAt) {}
