package com.guitarstudio.lessons.generation;

import java.util.List;
import java.util.UUID;

/** Published when runs left RUNNING by a process that died were marked ABANDONED (their job_log ids). */
public record GenerationAbandoned(List<UUID> jobLogIds) {}
