package com.guitarstudio.lessons.joblog;

/** How a run ended, or that it is still going ({@code job_log.status}). */
public enum JobStatus {
    RUNNING,
    /** Every teacher processed without error. */
    SUCCESS,
    /** Some teachers failed; all others were processed. */
    PARTIAL,
    /** The run itself failed (the database went away, say). */
    FAILED,
    /** Another run held the lock. */
    SKIPPED,
    /** A RUNNING row whose process died. */
    ABANDONED
}
