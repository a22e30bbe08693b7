package com.guitarstudio.lessons.joblog;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * A run with what its page shows besides the history's columns: the window it planned ({@code
 * windowStart} to {@code windowEnd}) and how many teachers it had to process ({@code
 * teachersTotal}, known once the run has counted them).
 */
public record JobRunDetail(@JsonUnwrapped JobRun run, Instant windowStart, Instant windowEnd, Integer teachersTotal) {

    static JobRunDetail of(JobLog log) {
        return new JobRunDetail(JobRun.of(log), log.getWindowStart(), log.getWindowEnd(), log.getTeachersTotal());
    }
}
