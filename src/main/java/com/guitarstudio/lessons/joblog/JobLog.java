package com.guitarstudio.lessons.joblog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.generator.EventType;
import org.hibernate.type.SqlTypes;

/** One run of a background job ({@code job_log}). */
@Entity
@Table(name = "job_log")
class JobLog {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(nullable = false)
    private String jobName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobTrigger trigger;

    /** The admin's email, or the cron caller's User-Agent. */
    private String triggeredBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobStatus status;

    /** True only for SUCCESS (a check constraint holds the database to it). */
    @Column(nullable = false)
    private boolean success;

    @Column(nullable = false)
    private Instant executedAt;

    private Instant finishedAt;

    private Long durationMs;

    @Column(nullable = false)
    private int lessonsGenerated;

    @Column(nullable = false)
    private int lessonsClosed;

    @Column(nullable = false)
    private int lessonsUpdated;

    @Column(nullable = false)
    private int lessonsCancelled;

    @Column(nullable = false)
    private int lessonsHeld;

    @Column(nullable = false)
    private int teachersProcessed;

    @Column(nullable = false)
    private int slotsProcessed;

    private Integer teachersTotal;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> errors = new ArrayList<>();

    private Instant windowStart;

    private Instant windowEnd;

    @Generated
    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(insertable = false, updatable = false)
    private Instant updatedAt;

    protected JobLog() {}

    JobLog(String jobName, JobTrigger trigger, String triggeredBy, JobStatus status, Instant executedAt) {
        this.jobName = jobName;
        this.trigger = trigger;
        this.triggeredBy = triggeredBy;
        this.status = status;
        this.success = status == JobStatus.SUCCESS;
        this.executedAt = executedAt;
    }

    UUID getId() {
        return id;
    }

    String getJobName() {
        return jobName;
    }

    JobTrigger getTrigger() {
        return trigger;
    }

    String getTriggeredBy() {
        return triggeredBy;
    }

    JobStatus getStatus() {
        return status;
    }

    boolean isSuccess() {
        return success;
    }

    Instant getExecutedAt() {
        return executedAt;
    }

    Instant getFinishedAt() {
        return finishedAt;
    }

    Long getDurationMs() {
        return durationMs;
    }

    int getLessonsGenerated() {
        return lessonsGenerated;
    }

    int getTeachersProcessed() {
        return teachersProcessed;
    }

    int getSlotsProcessed() {
        return slotsProcessed;
    }

    Integer getTeachersTotal() {
        return teachersTotal;
    }

    List<String> getErrors() {
        return errors;
    }

    Instant getWindowStart() {
        return windowStart;
    }

    int getLessonsClosed() {
        return lessonsClosed;
    }

    int getLessonsUpdated() {
        return lessonsUpdated;
    }

    int getLessonsCancelled() {
        return lessonsCancelled;
    }

    int getLessonsHeld() {
        return lessonsHeld;
    }

    Instant getWindowEnd() {
        return windowEnd;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    void finish(JobStatus status, Instant finishedAt, RunCounts counts, List<String> errors) {
        this.status = status;
        this.success = status == JobStatus.SUCCESS;
        this.finishedAt = finishedAt;
        this.durationMs = finishedAt.toEpochMilli() - executedAt.toEpochMilli();
        this.lessonsGenerated = counts.lessonsGenerated();
        this.lessonsClosed = counts.lessonsClosed();
        this.lessonsUpdated = counts.lessonsUpdated();
        this.lessonsCancelled = counts.lessonsCancelled();
        this.lessonsHeld = counts.lessonsHeld();
        this.teachersProcessed = counts.teachersProcessed();
        this.slotsProcessed = counts.slotsProcessed();
        this.errors = new ArrayList<>(errors);
    }

    void window(Instant start, Instant end) {
        this.windowStart = start;
        this.windowEnd = end;
    }
}
