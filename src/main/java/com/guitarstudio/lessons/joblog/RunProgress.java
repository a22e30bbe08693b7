package com.guitarstudio.lessons.joblog;

import java.time.Instant;
import java.util.UUID;

/** A run in progress: how far it has got ({@code teachersProcessed} of {@code teachersTotal}, once counted). */
public record RunProgress(
        UUID id,
        JobTrigger trigger,
        String triggeredBy,
        Instant executedAt,
        Integer teachersTotal,
        int teachersProcessed,
        int lessonsGenerated) {

    /** 0..100, 0 until the teachers are counted. */
    public int percent() {
        if (teachersTotal == null || teachersTotal == 0) {
            return 0;
        }
        return Math.min(100, (int) (100L * teachersProcessed / teachersTotal));
    }
}
