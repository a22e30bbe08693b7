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
 * The record of lesson generation runs ({@code job_log}): their life (RUNNING, progress, then how
 * they ended; SKIPPED; ABANDONED), their retention, and what the admin page and API read of them.
 * Every write commits at once, in a transaction of its own, so a run is seen to start, progress and
 * end while it happens.
 */
@Service
@Transactional(propagation = Propagation.REQUIRES_NEW)
public class JobLogService {

    /** The job's name in {@code job_log.job_name}; also the name of its lock. */
    public static final String JOB_NAME = "generate-future-lessons";

    /** Runs that did work, as opposed to SKIPPED, ABANDONED or still RUNNING. */
    private static final List<JobStatus> FINISHED = List.of(JobStatus.SUCCESS, JobStatus.PARTIAL, JobStatus.FAILED);

    static final String ABANDONED_REASON = "The process running this job stopped before it finished";

    private final JobLogRepository repository;
    private final JobLogTeachers teachers;
    private final JobLogProperties properties;
    private final Clock clock;

    JobLogService(JobLogRepository repository, JobLogTeachers teachers, JobLogProperties properties, Clock clock) {
        this.repository = repository;
        this.teachers = teachers;
        this.properties = properties;
        this.clock = clock;
    }

    /** A RUNNING row for a run that started at {@code executedAt} and plans up to {@code windowEnd}. */
    public UUID start(JobTrigger trigger, String triggeredBy, Instant executedAt, Instant windowEnd) {
        JobLog log = new JobLog(JOB_NAME, trigger, truncate(triggeredBy), JobStatus.RUNNING, executedAt);
        log.window(executedAt, windowEnd);
        return repository.save(log).getId();
    }

    /** How far a RUNNING run has got; the admin page shows teachersProcessed of teachersTotal. */
    public void recordProgress(UUID id, int teachersTotal, RunCounts counts) {
        repository.updateProgress(
                id,
                teachersTotal,
                counts.teachersProcessed(),
                counts.slotsProcessed(),
                counts.lessonsGenerated(),
                counts.lessonsClosed(),
                counts.lessonsUpdated(),
                counts.lessonsCancelled(),
                counts.lessonsHeld());
    }

    /**
     * Records what a run did for these teachers, with one statement, in the caller's transaction: the
     * one that writes their lessons, so the rows count exactly what was written.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordTeachers(UUID id, List<TeacherOutcome> outcomes) {
        teachers.insert(id, outcomes);
    }

    public void finish(UUID id, JobStatus status, Instant finishedAt, RunCounts counts, List<String> errors) {
        JobLog log = repository.findById(id).orElseThrow(() -> new IllegalStateException("No job_log row " + id));
        log.finish(status, finishedAt, counts, errors);
    }

    /** A run that did not happen because another one held the lock. */
    public UUID recordSkipped(JobTrigger trigger, String triggeredBy, Instant at) {
        JobLog log = new JobLog(JOB_NAME, trigger, truncate(triggeredBy), JobStatus.SKIPPED, at);
        log.finish(JobStatus.SKIPPED, at, RunCounts.NONE, List.of());
        return repository.save(log).getId();
    }

    /**
     * Marks RUNNING rows as ABANDONED and returns their ids. Call only while holding the job's lock:
     * then no live run can own a RUNNING row, so any left is one whose process died.
     */
    public List<UUID> abandonRunning() {
        return repository.abandonRunning(JOB_NAME, clock.instant(), ABANDONED_REASON);
    }

    /** Deletes runs older than JOB_LOG_RETENTION_DAYS; returns how many. */
    public int deleteExpired() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(properties.retentionDays()));
        return repository.deleteExecutedBefore(JOB_NAME, cutoff);
    }

    @Transactional(readOnly = true)
    public Optional<Instant> runningSince() {
        return running().map(RunProgress::executedAt);
    }

    /** The run in progress, if any. */
    @Transactional(readOnly = true)
    public Optional<RunProgress> running() {
        return repository
                .findFirstByJobNameAndStatusOrderByExecutedAtDesc(JOB_NAME, JobStatus.RUNNING)
                .map(log -> new RunProgress(
                        log.getId(),
                        log.getTrigger(),
                        log.getTriggeredBy(),
                        log.getExecutedAt(),
                        log.getTeachersTotal(),
                        log.getTeachersProcessed(),
                        log.getLessonsGenerated()));
    }

    /** One page of the runs that match {@code filter}, newest first ({@code page} counts from 0). */
    @Transactional(readOnly = true)
    public Page<JobRun> historyPage(RunFilter filter, int page, int size) {
        return repository
                .findAll(filter.of(JOB_NAME), PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "executedAt")))
                .map(JobRun::of);
    }

    @Transactional(readOnly = true)
    public Optional<JobRun> find(UUID id) {
        return repository.findById(id).map(JobRun::of);
    }

    @Transactional(readOnly = true)
    public Optional<JobRunDetail> detail(UUID id) {
        return repository.findById(id).map(JobRunDetail::of);
    }

    /**
     * One page of what a run did per teacher: those with an error first, then by lessons, most
     * first; {@code search} keeps the teachers whose name contains it (any case).
     */
    @Transactional(readOnly = true)
    public Page<TeacherOutcome> teachers(UUID id, String search, int page, int size) {
        return teachers.page(id, search, page, size);
    }

    /** Runs that did work in the last {@link JobStats#PERIOD}, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<JobRun> finishedRunsInPeriod(int limit) {
        return repository
                .findByJobNameAndStatusInAndExecutedAtAfterOrderByExecutedAtDesc(
                        JOB_NAME, FINISHED, clock.instant().minus(JobStats.PERIOD), Limit.of(limit))
                .stream()
                .map(JobRun::of)
                .toList();
    }

    @Transactional(readOnly = true)
    public JobStats stats() {
        JobCounts counts = repository.counts(JOB_NAME, FINISHED, clock.instant().minus(JobStats.PERIOD));
        JobRun lastRun = repository
                .findFirstByJobNameOrderByExecutedAtDesc(JOB_NAME)
                .map(JobRun::of)
                .orElse(null);
        return new JobStats(counts.total(), counts.counted(), lastRun, counts.lastSuccess());
    }

    /** RUNNING rows that started before {@code before}: runs that should have ended by now. */
    @Transactional(readOnly = true)
    public long countRunningSince(Instant before) {
        return repository.countByJobNameAndStatusAndExecutedAtBefore(JOB_NAME, JobStatus.RUNNING, before);
    }

    @Transactional(readOnly = true)
    public Optional<Instant> lastSuccess() {
        return repository
                .findFirstByJobNameAndStatusOrderByExecutedAtDesc(JOB_NAME, JobStatus.SUCCESS)
                .map(JobLog::getExecutedAt);
    }

    /** When the earliest run still kept started, if any. */
    @Transactional(readOnly = true)
    public Optional<Instant> firstRun() {
        return repository.findFirstByJobNameOrderByExecutedAtAsc(JOB_NAME).map(JobLog::getExecutedAt);
    }

    @Transactional(readOnly = true)
    public boolean succeededWithin(Duration period) {
        return repository.existsByJobNameAndStatusAndExecutedAtAfter(
                JOB_NAME, JobStatus.SUCCESS, clock.instant().minus(period));
    }

    /** User-Agent strings are the caller's to choose; keep the column readable. */
    private static String truncate(String triggeredBy) {
        return triggeredBy == null || triggeredBy.length() <= 200 ? triggeredBy : triggeredBy.substring(0, 200);
    }
}
