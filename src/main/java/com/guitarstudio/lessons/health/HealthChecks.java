package com.guitarstudio.lessons.health;

import com.guitarstudio.lessons.generation.JobRunner;
import com.guitarstudio.lessons.joblog.JobLogService;
import com.guitarstudio.lessons.security.CronSecret;
import com.guitarstudio.lessons.studio.TimeZones;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seven health checks of DESIGN.md §7: what stops lessons from being generated, and what may
 * need a look. The database answers with counts (aggregate SQL, one statement for the studio's
 * numbers), so the cost does not grow with what is loaded into Java; each check turns its count
 * into a sentence and a suggestion.
 */
@Service
public class HealthChecks {

    /** A success older than this makes the job stale. */
    public static final Duration STALE_AFTER = Duration.ofHours(48);

    private final JdbcClient jdbc;
    private final JobLogService jobLog;
    private final CronSecret cronSecret;
    private final Clock clock;
    private final Duration lockAtMostFor;

    HealthChecks(
            JdbcClient jdbc,
            JobLogService jobLog,
            CronSecret cronSecret,
            Clock clock,
            @Value("${app.generation.lock-at-most-for}") Duration lockAtMostFor) {
        this.jdbc = jdbc;
        this.jobLog = jobLog;
        this.cronSecret = cronSecret;
        this.clock = clock;
        this.lockAtMostFor = lockAtMostFor;
    }

    @Transactional(readOnly = true)
    public HealthReport run() {
        Instant now = clock.instant();
        StudioFacts facts = studioFacts(now);
        List<HealthIssue> issues = new ArrayList<>();

        if (facts.teachersWithoutSettings() > 0) {
            issues.add(new HealthIssue(
                    "teachers-without-settings",
                    facts.teachersWithoutSettings(),
                    facts.teachersWithoutSettings() + " teacher(s) with active slots have no lesson settings",
                    "Open each teacher's lesson settings in the studio app and save prices and durations"));
        }
        if (facts.orphanedSlots() > 0) {
            issues.add(
                    new HealthIssue(
                            "orphaned-slots",
                            facts.orphanedSlots(),
                            facts.orphanedSlots()
                                    + " active slot(s) get no lessons: their teacher or student is inactive,"
                                    + " or the student now belongs to another teacher",
                            "Cancel these slots, reactivate the teacher or student, or move the slot to the student's teacher"));
        }
        if (facts.oldSlots() > 0) {
            issues.add(new HealthIssue(
                    "old-slots",
                    facts.oldSlots(),
                    facts.oldSlots() + " active slot(s) were booked more than 6 months ago and may need review",
                    "Check with these students that the weekly time still suits them; cancel slots no longer wanted"));
        }
        long unknownZones = teachersWithUnknownZones();
        if (unknownZones > 0) {
            issues.add(new HealthIssue(
                    "unknown-time-zones",
                    unknownZones,
                    unknownZones + " teacher(s) with active slots have a time zone that is not a valid IANA zone id;"
                            + " they get no lessons",
                    "Set their time zone to an IANA id such as America/Chicago or Europe/London"));
        }
        if (facts.overlappingSlotPairs() > 0) {
            issues.add(new HealthIssue(
                    "overlapping-slots",
                    facts.overlappingSlotPairs(),
                    facts.overlappingSlotPairs() + " pair(s) of a teacher's active slots overlap in time",
                    "Move or cancel one slot of each pair so that a teacher never has two lessons at once"));
        }
        staleJob(now, facts.activeSlots()).ifPresent(issues::add);
        if (!cronSecret.isSet()) {
            issues.add(new HealthIssue(
                    "cron-secret",
                    1,
                    "CRON_SECRET is not set: anyone can start lesson generation through /api/cron/generate-lessons",
                    "Set CRON_SECRET to a random value (openssl rand -base64 32) and send it as"
                            + " 'Authorization: Bearer <secret>' from your cron service"));
        }
        return new HealthReport(issues, facts.indicators(), now);
    }

    private Optional<HealthIssue> staleJob(Instant now, long activeSlots) {
        long stuck = jobLog.countRunningSince(JobRunner.JOB_NAME, now.minus(lockAtMostFor));
        if (stuck > 0) {
            return Optional.of(new HealthIssue(
                    "stale-job",
                    stuck,
                    stuck + " run(s) have been RUNNING for longer than " + lockAtMostFor.toMinutes() + " minutes",
                    "The instance running them has probably stopped; the next run marks them ABANDONED. Check"
                            + " the service logs, then click Generate Lessons Now"));
        }
        Optional<Instant> lastSuccess = jobLog.lastSuccess(JobRunner.JOB_NAME);
        if (activeSlots > 0
                && lastSuccess.map(at -> at.isBefore(now.minus(STALE_AFTER))).orElse(true)) {
            return Optional.of(new HealthIssue(
                    "stale-job",
                    1,
                    lastSuccess.isEmpty()
                            ? "Lesson generation has never succeeded while active slots exist"
                            : "Lesson generation has not succeeded in the last 48 hours while active slots exist",
                    "Check that the schedule or your cron service calls the service (see the history), then click"
                            + " Generate Lessons Now"));
        }
        return Optional.empty();
    }

    /** Teachers with active slots whose zone the generator cannot use; zones are few, teachers many. */
    private long teachersWithUnknownZones() {
        return jdbc
                .sql("""
                select t.timezone, count(*) as teachers from teacher_profile t
                where exists (select 1 from recurring_slot r where r.teacher_id = t.id and r.status = 'ACTIVE')
                group by t.timezone
                """)
                .query((rs, n) -> TimeZones.parse(rs.getString("timezone")).isPresent() ? 0L : rs.getLong("teachers"))
                .list()
                .stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    private StudioFacts studioFacts(Instant now) {
        return jdbc.sql("""
                with active_slots as (
                  -- one pass over the active slots with their teacher and student: checks 2 and 3
                  select count(*) as active_slots,
                         count(*) filter (where r.booked_at < :sixMonthsAgo) as old_slots,
                         count(*) filter (where not t.is_active or not s.is_active or s.teacher_id <> r.teacher_id)
                           as orphaned_slots
                  from recurring_slot r
                  join teacher_profile t on t.id = r.teacher_id
                  join student_profile s on s.id = r.student_id
                  where r.status = 'ACTIVE')
                select
                  (select count(*) from app_user) as total_users,
                  (select count(*) from teacher_profile where is_active) as active_teachers,
                  (select count(*) from student_profile where is_active) as active_students,
                  active_slots, old_slots, orphaned_slots,
                  (select count(*) from teacher_profile t where t.is_active
                     and exists (select 1 from teacher_lesson_settings s where s.teacher_id = t.id)) as with_settings,
                  (select count(*) from teacher_profile t where t.is_active
                     and not exists (select 1 from teacher_lesson_settings s where s.teacher_id = t.id)) as without_settings,
                  -- check 1: teachers whose active slots lack settings
                  (select count(*) from teacher_profile t
                   where not exists (select 1 from teacher_lesson_settings s where s.teacher_id = t.id)
                     and exists (select 1 from recurring_slot r where r.teacher_id = t.id and r.status = 'ACTIVE'))
                     as slot_teachers_without_settings,
                  -- check 5: same teacher, same weekday, time ranges overlap; as intervals since midnight,
                  -- so 23:30 + 60 minutes does not wrap round to 00:30
                  (select count(*) from recurring_slot a join recurring_slot b
                     on b.teacher_id = a.teacher_id and b.status = 'ACTIVE' and b.day_of_week = a.day_of_week
                    and a.id < b.id
                    and (a.start_time - time '00:00') < (b.start_time - time '00:00') + b.duration_minutes * interval '1 minute'
                    and (b.start_time - time '00:00') < (a.start_time - time '00:00') + a.duration_minutes * interval '1 minute'
                   where a.status = 'ACTIVE') as overlapping_pairs,
                  (select count(*) from lesson where start_at >= :weekAgo and start_at < :now) as recent_lessons,
                  (select count(*) from lesson
                   where status = 'SCHEDULED' and start_at >= :now and start_at < :weekAhead) as upcoming_lessons
                from active_slots
                """)
                .param("now", Timestamp.from(now))
                .param(
                        "sixMonthsAgo",
                        Timestamp.from(
                                now.atOffset(ZoneOffset.UTC).minusMonths(6).toInstant()))
                .param("weekAgo", Timestamp.from(now.minus(Duration.ofDays(7))))
                .param("weekAhead", Timestamp.from(now.plus(Duration.ofDays(7))))
                .query((rs, n) -> new StudioFacts(
                        new Indicators(
                                rs.getLong("total_users"),
                                rs.getLong("active_teachers"),
                                rs.getLong("active_students"),
                                rs.getLong("active_slots"),
                                rs.getLong("with_settings"),
                                rs.getLong("without_settings"),
                                rs.getLong("old_slots"),
                                rs.getLong("orphaned_slots"),
                                rs.getLong("recent_lessons"),
                                rs.getLong("upcoming_lessons")),
                        rs.getLong("slot_teachers_without_settings"),
                        rs.getLong("overlapping_pairs")))
                .single();
    }

    private record StudioFacts(Indicators indicators, long teachersWithoutSettings, long overlappingSlotPairs) {

        long orphanedSlots() {
            return indicators.orphanedSlotsCount();
        }

        long oldSlots() {
            return indicators.oldSlotsCount();
        }

        long activeSlots() {
            return indicators.activeRecurringSlots();
        }
    }
}
