package com.guitarstudio.lessons.joblog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of background runs ({@code job_log}). Every write commits at once, in a transaction of
 * its own, so the admin page sees a run start, progress and end while it happens.
 */
@Service
@Transactional(propagation = Propagation.REQUIRES_NEW)
public class JobLogService {

    private static final List<JobStatus> FINISHED = List.of(JobStatus.SUCCESS, JobStatus.PARTIAL, JobStatus.FAILED);

    static final String ABANDONED_REASON = "The process running this job stopped before it finished";

    private final JobLogRepository repository;
    private final JobLogProperties properties;
    private final Clock clock;

    JobLogService(JobLogRepository repository, JobLogProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /** A RUNNING row for a run that started at {@code executedAt} and plans up to {@code windowEnd}. */
    public UUID start(String jobName, JobTrigger trigger, String triggeredBy, Instant executedAt, Instant windowEnd) {
        JobLog log = new JobLog(jobName, trigger, truncate(triggeredBy), JobStatus.RUNNING, executedAt);
        log.window(executedAt, windowEnd);
        return repository.save(log).getId();
    }

    /** How far a RUNNING run has got; the admin page shows teachersProcessed of teachersTotal. */
    public void recordProgress(
            UUID id, int teachersTotal, int teachersProcessed, int slotsProcessed, int lessonsGenerated) {
        repository.updateProgress(id, teachersTotal, teachersProcessed, slotsProcessed, lessonsGenerated);
    }

    public void finish(
            UUID id,
            JobStatus status,
            Instant finishedAt,
            int lessonsGenerated,
            int teachersProcessed,
            int slotsProcessed,
            List<String> errors) {
        JobLog log = repository.findById(id).orElseThrow(() -> new IllegalStateException("No job_log row " + id));
        log.finish(status, finishedAt, lessonsGenerated, teachersProcessed, slotsProcessed, errors);
    }

    /** A run that did not happen because another one held the lock. */
    public UUID recordSkipped(String jobName, JobTrigger trigger, String triggeredBy, Instant at) {
        JobLog log = new JobLog(jobName, trigger, truncate(triggeredBy), JobStatus.SKIPPED, at);
        log.finish(JobStatus.SKIPPED, at, 0, 0, 0, List.of());
        return repository.save(log).getId();
    }

    /**
     * Marks RUNNING rows as ABANDONED. Call only while holding the job's lock: then no live run can
     * own a RUNNING row, so any left is one whose process died.
     */
    public int abandonRunning(String jobName) {
        return repository.abandonRunning(jobName, clock.instant(), ABANDONED_REASON);
    }

    @Transactional(readOnly = true)
    public Optional<Instant> runningSince(String jobName) {
        return repository
                .findFirstByJobNameAndStatusOrderByExecutedAtDesc(jobName, JobStatus.RUNNING)
                .map(JobLog::getExecutedAt);
    }

    /** The latest runs, newest first. */
    @Transactional(readOnly = true)
    public List<JobRun> history(String jobName, int limit) {
        return repository.findByJobNameOrderByExecutedAtDesc(jobName, Limit.of(limit)).stream()
                .map(JobRun::of)
                .toList();
    }

    /** One page of the history, newest first ({@code page} counts from 0). */
    @Transactional(readOnly = true)
    public Page<JobRun> historyPage(String jobName, int page, int size) {
        return repository
                .findByJobName(jobName, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "executedAt")))
                .map(JobRun::of);
    }

    @Transactional(readOnly = true)
    public Optional<JobRun> find(UUID id) {
        return repository.findById(id).map(JobRun::of);
    }

    /** The run in progress, if any. */
    @Transactional(readOnly = true)
    public Optional<RunProgress> running(String jobName) {
        return repository
                .findFirstByJobNameAndStatusOrderByExecutedAtDesc(jobName, JobStatus.RUNNING)
                .map(log -> new RunProgress(
                        log.getId(),
                        log.getTrigger(),
                        log.getTriggeredBy(),
                        log.getExecutedAt(),
                        log.getTeachersTotal(),
                        log.getTeachersProcessed(),
                        log.getLessonsGenerated()));
    }

    /** Runs that did work (SUCCESS, PARTIAL, FAILED) since {@code since}, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<JobRun> finishedRunsSince(String jobName, Instant since, int limit) {
        return repository
                .findByJobNameAndStatusInAndExecutedAtAfterOrderByExecutedAtDesc(
                        jobName, FINISHED, since, Limit.of(limit))
                .stream()
                .map(JobRun::of)
                .toList();
    }

    @Transactional(readOnly = true)
    public long countFinishedRunsSince(String jobName, Instant since) {
        return repository.countByJobNameAndStatusInAndExecutedAtAfter(jobName, FINISHED, since);
    }

    @Transactional(readOnly = true)
    public JobStats stats(String jobName) {
        return repository.stats(jobName);
    }

    /** RUNNING rows that started before {@code before}: runs that should have ended by now. */
    @Transactional(readOnly = true)
    public long countRunningSince(String jobName, Instant before) {
        return repository.countByJobNameAndStatusAndExecutedAtBefore(jobName, JobStatus.RUNNING, before);
    }

    @Transactional(readOnly = true)
    public Optional<Instant> lastSuccess(String jobName) {
        return repository
                .findFirstByJobNameAndStatusOrderByExecutedAtDesc(jobName, JobStatus.SUCCESS)
                .map(JobLog::getExecutedAt);
    }

    @Transactional(readOnly = true)
    public boolean succeededWithin(String jobName, Duration period) {
        return repository.existsByJobNameAndStatusAndExecutedAtAfter(
                jobName, JobStatus.SUCCESS, clock.instant().minus(period));
    }

    /** Deletes runs older than JOB_LOG_RETENTION_DAYS; returns how many. */
    public int deleteExpired(String jobName) {
        Instant cutoff = clock.instant().minus(Duration.ofDays(properties.retentionDays()));
        return repository.deleteExecutedBefore(jobName, cutoff);
    }

    /** User-Agent strings are the caller's to choose; keep the column readable. */
    private static String truncate(String triggeredBy) {
        return triggeredBy == null || triggeredBy.length() <= 200 ? triggeredBy : triggeredBy.substring(0, 200);
    }
}
