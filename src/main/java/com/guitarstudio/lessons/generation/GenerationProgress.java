package com.guitarstudio.lessons.generation;

import java.util.UUID;

/** Published after each chunk of a run is written (and once the teachers are counted). */
public record GenerationProgress(UUID jobLogId, int teachersProcessed, int teachersTotal) {}
