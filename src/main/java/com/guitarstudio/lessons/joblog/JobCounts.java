package com.guitarstudio.lessons.joblog;

import java.time.Instant;

/** What one aggregate over {@code job_log} tells: runs in all, runs counted for a period, the latest success. */
record JobCounts(long total, long counted, Instant lastSuccess) {}
