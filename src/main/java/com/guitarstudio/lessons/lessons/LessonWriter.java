package com.guitarstudio.lessons.lessons;

import com.guitarstudio.lessons.config.DatabaseFailures;
import com.guitarstudio.lessons.joblog.JobLogService;
import com.guitarstudio.lessons.joblog.TeacherOutcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a planned chunk in one transaction, or says what writing it would do. The transaction holds
 * the calendar lock shared from before it reads the closures until it commits ({@link ClosureReader}),
 * then, with a statement each and only when there is something to do:
 *
 * <ol>
 *   <li>reads the lessons the service owns of the chunk's changed slots, and brings them in line with
 *       their slot ({@link SlotReconciler}, {@link LessonUpdates}): moved, repriced, closed or reopened
 *       in place, cancelled where the slot no longer meets, restored where it meets again;
 *   <li>inserts the planned lessons ({@link LessonInserts}), CLOSED where a closure covers their date;
 *       where a new slot meets a lesson of the same student that the service cancelled at the same
 *       instant, it takes that lesson over ({@link Takeovers});
 *   <li>records the slots now in line ({@link PlannedSlots}) and the run's row for each teacher.
 * </ol>
 *
 * <p>So it writes all of it or none. When the database refuses a chunk, its teachers are written one
 * by one to find the one at fault, who is reported; a lesson that cannot follow its slot because the
 * student has another lesson at the new time is its teacher's error, and the rest of the teacher's
 * lessons are written. With GENERATION_RECONCILE=false nothing the service wrote earlier is changed:
 * only inserts happen, and what reconciling would change is left to the preview and the health check.
 */
@Component
class LessonWriter {

    private static final Logger log = LoggerFactory.getLogger(LessonWriter.class);

    private final PlatformTransactionManager transactions;
    private final ClosureReader closures;
    private final OwnedLessons owned;
    private final LessonUpdates updates;
    private final LessonInserts inserts;
    private final PlannedSlots plannedSlots;
    private final JobLogService jobLog;
    private final JdbcClient jdbc;
    private final ChunkReports reports;
    private final LessonProperties properties;
    private final EventCause events;

    LessonWriter(
            PlatformTransactionManager transactions,
            ClosureReader closures,
            OwnedLessons owned,
            LessonUpdates updates,
            LessonInserts inserts,
            PlannedSlots plannedSlots,
            JobLogService jobLog,
            JdbcClient jdbc,
            ChunkReports reports,
            LessonProperties properties,
            EventCause events) {
        this.transactions = transactions;
        this.closures = closures;
        this.owned = owned;
        this.updates = updates;
        this.inserts = inserts;
        this.plannedSlots = plannedSlots;
        this.jobLog = jobLog;
        this.jdbc = jdbc;
        this.reports = reports;
        this.properties = properties;
        this.events = events;
    }

    /**
     * Writes the chunk with a row per teacher for run {@code jobLogId}; when the database refuses it,
     * writes its teachers one by one to find the one at fault. A failure of the database itself is
     * thrown: retrying teacher by teacher would only blame them all.
     */
    ChunkResult write(UUID jobLogId, PlannedChunk chunk) {
        try {
            return writeInTransaction(jobLogId, chunk, chunk.failures);
        } catch (DataAccessException e) {
            rethrowIfDatabaseUnavailable(e);
        }
        ChunkResult written = ChunkResult.NOTHING;
        List<PlannedChunk.Failure> failures = new ArrayList<>(chunk.failures);
        for (PlannedChunk teacher : chunk.perTeacher()) {
            try {
                written = written.plus(writeInTransaction(jobLogId, teacher, List.of()));
            } catch (DataAccessException e) {
                rethrowIfDatabaseUnavailable(e);
                failures.add(
                        new PlannedChunk.Failure(teacher.teachers.get(0).slots(), DatabaseFailures.rootMessage(e)));
            }
        }
        List<TeacherOutcome> failed =
                failures.stream().map(LessonWriter::outcome).toList();
        new TransactionTemplate(transactions).executeWithoutResult(status -> jobLog.recordTeachers(jobLogId, failed));
        return written.plus(new ChunkResult(0, 0, LessonCounts.NONE, describe(failures)));
    }

    /**
     * What {@link #write} would do now, written nowhere: a read-only transaction that holds the
     * calendar lock (shared) while it reads. The changes are the ones reconciling would make, also when
     * GENERATION_RECONCILE=false.
     */
    ChunkPreview preview(PlannedChunk chunk) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        return readOnly.execute(status -> {
            ChunkWork work = work(chunk);
            Set<UUID> applied = updates.wouldApply(work.changes());
            Set<UUID> blocked = new HashSet<>(work.crowded());
            blocked.addAll(updates.stillAsRead(work.notApplied(applied)));
            List<NewLesson> careful = work.carefulRows();
            Takeovers.Decided takeovers = Takeovers.decide(
                    careful,
                    Takeovers.afterChanges(careful, inserts.occupants(careful), work.changesOf(applied)),
                    work.cutoff());
            List<NewLesson> rows = new ArrayList<>(work.plainRows());
            rows.addAll(takeovers.inserts());
            ChunkTally tally = ChunkTally.of(
                    work, applied, blocked, inserts.wouldInsert(rows), takeovers, ids(takeovers.takeovers()), true);
            return reports.preview(chunk, tally, work.changesOf(applied), takeovers.takeovers());
        });
    }

    private ChunkResult writeInTransaction(UUID jobLogId, PlannedChunk chunk, List<PlannedChunk.Failure> failures) {
        TransactionStatus transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
        ChunkResult result;
        try {
            result = writeChunk(jobLogId, chunk, failures);
        } catch (RuntimeException e) {
            // When the connection broke, rolling back fails too: keep why the write failed (the
            // database is unavailable, say), which decides what the run does next.
            try {
                transactions.rollback(transaction);
            } catch (RuntimeException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        }
        transactions.commit(transaction);
        return result;
    }

    private ChunkResult writeChunk(UUID jobLogId, PlannedChunk chunk, List<PlannedChunk.Failure> failures) {
        events.run(jobLogId);
        ChunkWork work = work(chunk);
        boolean reconcile = properties.reconcile();
        Set<UUID> applied = Set.of();
        Set<UUID> blocked = new HashSet<>();
        if (reconcile) {
            applied = updates.apply(work.changes());
            blocked.addAll(work.crowded());
            blocked.addAll(updates.stillAsRead(work.notApplied(applied)));
        }
        List<NewLesson> careful = work.carefulRows();
        Takeovers.Decided takeovers = Takeovers.decide(careful, inserts.occupants(careful), work.cutoff());
        Set<UUID> takenOver = updates.apply(takeovers.takeovers());
        List<NewLesson> rows = new ArrayList<>(work.plainRows());
        rows.addAll(takeovers.inserts());
        Map<UUID, LessonCounts> inserted = inserts.insert(rows);
        plannedSlots.record(work.inLine(applied, blocked, reconcile));
        ChunkTally tally = ChunkTally.of(work, applied, blocked, inserted, takeovers, takenOver, reconcile);
        List<TeacherOutcome> outcomes = new ArrayList<>();
        ChunkResult result = ChunkResult.NOTHING;
        for (PlannedChunk.Teacher teacher : chunk.teachers) {
            LessonCounts counts = tally.counts(teacher.teacherId());
            String error = reports.blocked(tally, teacher.teacherId());
            outcomes.add(new TeacherOutcome(
                    teacher.teacherId(),
                    teacher.slots().teacherName(),
                    teacher.slots().eligibleSlots(),
                    counts.generated(),
                    counts.closed(),
                    counts.updated(),
                    counts.cancelled(),
                    counts.held(),
                    error));
            result = result.plus(
                    error == null
                            ? new ChunkResult(1, teacher.slots().eligibleSlots(), counts, List.of())
                            : new ChunkResult(
                                    0, 0, counts, List.of(teacher.slots().describe(error))));
        }
        failures.forEach(failure -> outcomes.add(outcome(failure)));
        jobLog.recordTeachers(jobLogId, outcomes);
        return result.plus(new ChunkResult(0, 0, LessonCounts.NONE, describe(failures)));
    }

    /** Reads what the chunk needs under the calendar lock, and works out what to change. */
    private ChunkWork work(PlannedChunk chunk) {
        List<Closure> chunkClosures = closures.forWriting(ChunkWork.teachers(chunk), ChunkWork.closuresFrom(chunk));
        return new ChunkWork(
                chunk,
                chunkClosures,
                owned.ofSlots(ChunkWork.changedSlots(chunk), chunk.now),
                properties.reconcile()
                        ? owned.pairsWithCancelledLessons(ChunkWork.teachers(chunk), chunk.now)
                        : Set.of(),
                chunk.now.plus(properties.reconcileNotice()),
                properties.reconcile());
    }

    private static Set<UUID> ids(List<LessonChange> changes) {
        Set<UUID> ids = new HashSet<>();
        changes.forEach(change -> ids.add(change.lessonId()));
        return ids;
    }

    private static TeacherOutcome outcome(PlannedChunk.Failure failure) {
        return TeacherOutcome.failed(
                failure.slots().teacherId(),
                failure.slots().teacherName(),
                failure.slots().eligibleSlots(),
                failure.reason());
    }

    private static List<String> describe(List<PlannedChunk.Failure> failures) {
        return failures.stream()
                .map(failure -> failure.slots().describe(failure.reason()))
                .toList();
    }

    /**
     * Vacuums and analyses {@code lesson} after a run inserted rows. Only the pages the run wrote
     * are visited (the visibility map skips the rest), and afterwards the admin page's counts of
     * scheduled lessons are index-only scans again. Autovacuum would get there too, but only once
     * inserts reach 20% of the table, which a daily run adding one week of twelve never does. A
     * database user that may not vacuum the table (it is not its owner, say) only loses this.
     */
    void vacuum() {
        try {
            jdbc.sql("vacuum (analyze) lesson").update();
        } catch (DataAccessException e) {
            log.warn("Could not vacuum the lesson table after generating lessons: {}", e.getMessage());
        }
    }

    /** The database is down or unreachable: retrying teacher by teacher would only blame them all. */
    private static void rethrowIfDatabaseUnavailable(DataAccessException e) {
        if (DatabaseFailures.isUnavailable(e)) {
            throw e;
        }
    }
}
