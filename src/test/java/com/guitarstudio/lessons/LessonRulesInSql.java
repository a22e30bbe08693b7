package com.guitarstudio.lessons;

/**
 * The generation rules written a second time, as one set-based SQL statement, independent of the
 * Java planner: the benchmark's baseline and the tests' independent check of every generated row.
 * Both compare {@link #FINGERPRINT}s of the {@code lesson} table after the job and after this.
 *
 * <p>Time zones: PostgreSQL resolves a time in a spring-forward gap like java.time, but takes the
 * later of two times in a fall-back overlap; java.time takes the earlier, i.e. the offset in effect
 * before the change, which is the offset of a day earlier. So: that offset when it gives back the
 * same wall-clock time, else PostgreSQL's own answer.
 *
 * <p>Calendar: the dates run from the later of today and {@code starts_on}, moved to the slot's
 * weekday and then to the next week that is a multiple of {@code interval_weeks} from week 0 (the
 * first slot weekday on or after {@code starts_on}), through the earlier of today + 84 days and
 * {@code ends_on}, every {@code interval_weeks} weeks. A date that a closure of the teacher (or of
 * the whole studio) covers is written CLOSED with the closure that starts first (then the smaller
 * id).
 *
 * <p>Slots: ACTIVE, of an active teacher whose zone PostgreSQL knows (java.time refuses the same
 * made-up zones), for an active student of that same teacher. Each lesson also records what was
 * written into it ({@code written_*}): it is the service's until a person changes it.
 */
public final class LessonRulesInSql {

    private LessonRulesInSql() {}

    /**
     * Inserts the lessons a run starting at {@code :now} (a timestamptz) would insert. Their events
     * (lesson_event) are written too when the transaction first says it writes as a run does ({@link
     * #AS_A_RUN}; the benchmark does, so job and baseline both pay for them).
     */
    public static final String BASELINE = """
            insert into lesson (teacher_id, student_id, recurring_slot_id, occurrence_date, start_at,
                                duration_minutes, price, timezone, status, closure_id, is_recurring,
                                written_start_at, written_duration_minutes, written_price, written_status)
            select teacher_id, student_id, slot_id, occurrence_date, start_at, duration_minutes, price, timezone,
                   status, closure_id, true, start_at, duration_minutes, price, status
            from (select planned.*, case when closure_id is null then 'SCHEDULED' else 'CLOSED' end as status from (
              select r.teacher_id, r.student_id, r.id as slot_id, d::date as occurrence_date,
                     r.duration_minutes, r.per_lesson_price as price, t.timezone,
                     case when ((local - before) at time zone 'UTC') at time zone t.timezone = local
                          then (local - before) at time zone 'UTC'
                          else local at time zone t.timezone end as start_at,
                     (select c.id from studio_closure c
                      where (c.teacher_id is null or c.teacher_id = r.teacher_id)
                        and d::date between c.starts_on and c.ends_on
                      order by c.starts_on, c.id limit 1) as closure_id
              from recurring_slot r
              join teacher_profile t on t.id = r.teacher_id and t.is_active
                   and t.timezone in (select name from pg_timezone_names)
              join student_profile s on s.id = r.student_id and s.is_active and s.teacher_id = r.teacher_id
              cross join lateral (select (:now at time zone t.timezone)::date as today) w
              cross join lateral (
                  select greatest(w.today, coalesce(r.starts_on, w.today)) as earliest,
                         coalesce(r.starts_on, w.today)
                           + (r.day_of_week - extract(dow from coalesce(r.starts_on, w.today))::int + 7) % 7 as week_zero) b
              cross join lateral (
                  select b.earliest + (r.day_of_week - extract(dow from b.earliest)::int + 7) % 7 as on_weekday) f
              cross join lateral generate_series(
                  f.on_weekday
                    + 7 * ((r.interval_weeks - ((f.on_weekday - b.week_zero) / 7) % r.interval_weeks) % r.interval_weeks),
                  least(w.today + 84, coalesce(r.ends_on, w.today + 84)),
                  make_interval(days => 7 * r.interval_weeks)) d
              cross join lateral (select d::date + r.start_time as local) l
              cross join lateral (select (local - interval '1 day')
                                       - ((local - interval '1 day') at time zone t.timezone at time zone 'UTC') as before) o
              where r.status = 'ACTIVE'
            ) planned) planned
            where start_at >= :now
            on conflict do nothing
            """;

    /** Said before {@link #BASELINE} in its transaction: its lessons get events as a run's do. */
    public static final String AS_A_RUN = "select set_config('lesson_event.cause', 'RUN', true)";

    /** Every lesson row in one line: the count and a hash of all columns the rules decide. */
    public static final String FINGERPRINT = """
            select count(*) || ' lessons (' || count(*) filter (where status = 'CLOSED') || ' closed), md5 '
                   || coalesce(md5(string_agg(concat_ws('|', recurring_slot_id, occurrence_date,
                   extract(epoch from start_at), duration_minutes, price, timezone, teacher_id, student_id, status,
                   closure_id, is_recurring, extract(epoch from written_start_at), written_duration_minutes,
                   written_price, written_status, cancel_reason), ',' order by recurring_slot_id, occurrence_date)), '-')
            from lesson
            """;
}
