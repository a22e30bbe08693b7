package com.guitarstudio.lessons.joblog;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param retentionDays runs older than this are deleted after each run (JOB_LOG_RETENTION_DAYS) */
@ConfigurationProperties("app.job-log")
@Validated
record JobLogProperties(@Min(1) int retentionDays) {}
