package com.guitarstudio.lessons.joblog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface JobLogRepository extends JpaRepository<JobLog, UUID>, JpaSpecificationExecutor<JobLog> {

    Optional<JobLog> findFirstByJobNameOrderByExecutedAtDesc(String jobName);

    Optional<JobLog> findFirstByJobNameOrderByExecutedAtAsc(String jobName);

    Optional<JobLog> findFirstByJobNameAndStatusOrderByExecutedAtDesc(String jobName, JobStatus status);

    List<JobLog> findByJobNameAndStatusInAndExecutedAtAfterOrderByExecutedAtDesc(
            String jobName, Collection<JobStatus> statuses, Instant after, Limit limit);

    /** Runs in all, runs with a status in {@code counted} since {@code since}, and the latest success. */
    @Query("""
            select new com.guitarstudio.lessons.joblog.JobCounts(count(j),
                   count(case when j.status in :counted and j.executedAt > :since then 1 end),
                   max(case when j.status = com.guitarstudio.lessons.joblog.JobStatus.SUCCESS then j.executedAt end))
            from JobLog j where j.jobName = :jobName
            """)
    JobCounts counts(String jobName, Collection<JobStatus> counted, Instant since);

    boolean existsByJobNameAndStatusAndExecutedAtAfter(String jobName, JobStatus status, Instant after);

    long countByJobNameAndStatusAndExecutedAtBefore(String jobName, JobStatus status, Instant before);

    @Modifying
    @Query("""
            update JobLog j set j.teachersTotal = :teachersTotal, j.teachersProcessed = :teachersProcessed,
                                j.slotsProcessed = :slotsProcessed, j.lessonsGenerated = :lessonsGenerated,
                                j.lessonsClosed = :lessonsClosed, j.lessonsUpdated = :lessonsUpdated,
                                j.lessonsCancelled = :lessonsCancelled, j.lessonsHeld = :lessonsHeld
            where j.id = :id
            """)
    void updateProgress(
            UUID id,
            int teachersTotal,
            int teachersProcessed,
            int slotsProcessed,
            int lessonsGenerated,
            int lessonsClosed,
            int lessonsUpdated,
            int lessonsCancelled,
            int lessonsHeld);

    /** Marks the job's RUNNING rows ABANDONED; returns their ids. */
    @Query(nativeQuery = true, value = """
            update job_log
            set status = 'ABANDONED', success = false, finished_at = :now,
                errors = array_append(errors, :reason)
            where job_name = :jobName and status = 'RUNNING'
            returning id
            """)
    List<UUID> abandonRunning(String jobName, Instant now, String reason);

    @Modifying
    @Query("delete from JobLog j where j.jobName = :jobName and j.executedAt < :cutoff")
    int deleteExecutedBefore(String jobName, Instant cutoff);
}
