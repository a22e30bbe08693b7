package com.guitarstudio.lessons.generation;

import com.guitarstudio.lessons.joblog.JobTrigger;
import java.util.UUID;

/** Published when a run holds the lock and has recorded itself as RUNNING, before any lesson is written. */
public record GenerationStarted(UUID jobLogId, JobTrigger trigger) {}
