-- Lessons follow their slot: a run brings the lessons it wrote in line with their slot's current
-- terms (moved, repriced, ended, cancelled), and never touches a lesson a person changed.

-- What the service last wrote into each lesson it owns. A lesson is still the service's while its
-- start_at, duration_minutes, price and status equal these; a person who moves, reprices, cancels,
-- completes or reopens it makes them differ, and the service leaves it alone from then on. Null: the
-- service never wrote this lesson (one-off lessons, and lessons from before this version that did not
-- match their slot). cancel_reason = 'SLOT_CHANGED' marks a lesson the service cancelled because its
-- slot no longer meets that day; null for a person's cancellation.
alter table lesson
    add column cancel_reason            text,
    add column written_start_at         timestamptz,
    add column written_duration_minutes integer,
    add column written_price            integer,
    add column written_status           text;

-- The service's own cancellations, few at any time: a new slot of the same pair at the same instant
-- takes such a lesson over instead of being blocked by it (the unique key of pair and instant).
create index lesson_slot_changed_idx on lesson (teacher_id, student_id, start_at) where cancel_reason = 'SLOT_CHANGED';

-- What runs changed besides inserting: lessons moved or repriced in place (and restored), lessons
-- cancelled because their slot no longer meets, and lessons left as they were because they start
-- within GENERATION_RECONCILE_NOTICE.
alter table job_log
    add column lessons_updated   integer not null default 0,
    add column lessons_cancelled integer not null default 0,
    add column lessons_held      integer not null default 0;

-- A teacher's row may now name an error (a lesson that cannot move: the student already has a lesson
-- at the new time) next to the lessons written for them.
alter table job_log_teacher
    add column lessons_updated   integer not null default 0,
    add column lessons_cancelled integer not null default 0,
    add column lessons_held      integer not null default 0,
    drop constraint job_log_teacher_error_check,
    add constraint job_log_teacher_changes_check check (lessons_updated >= 0 and lessons_cancelled >= 0
        and lessons_held >= 0);

-- Each slot as the service last brought its lessons in line with it: whether it got lessons then
-- (eligible) and the terms that decide them. A run compares every slot with this row; only a slot that
-- differs has its lessons read and compared, so a run over an unchanged studio costs one probe per
-- slot. held_lessons: lessons that differ from these terms but were left as they were because they
-- start within the notice period (the slot-drift health check names them).
create table planned_slot
(
    slot_id          uuid        not null,
    eligible         boolean     not null,
    teacher_id       uuid        not null,
    student_id       uuid        not null,
    timezone         text        not null,
    day_of_week      smallint    not null,
    start_time       time        not null,
    duration_minutes integer     not null,
    price            integer     not null,
    starts_on        date,
    ends_on          date,
    interval_weeks   smallint    not null,
    held_lessons     uuid[]      not null default '{}',
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint planned_slot_pkey primary key (slot_id),
    constraint planned_slot_slot_id_fkey foreign key (slot_id) references recurring_slot (id) on delete cascade
);
create index planned_slot_held_idx on planned_slot (slot_id) where held_lessons <> '{}';
create trigger planned_slot_touch_updated_at before update on planned_slot
    for each row execute function touch_updated_at();

-- Which transactions wrote slots, teachers, students or planned_slot rows: one row per transaction,
-- noted by statement-level triggers, as lesson_change does for lessons. Finding the slots that
-- changed since their lessons were planned compares every slot with its planned_slot row (about
-- 0.4 s at 100,000 slots); the slot-drift health check keeps what it found while no such transaction
-- has committed since. The triggers run as this table's owner, so a studio app with a role of its
-- own needs no rights here. Rows older than a day are deleted by that check.
create table slot_change
(
    xid        xid8        not null,
    changed_at timestamptz not null default now(),
    constraint slot_change_pkey primary key (xid)
);

create function note_slot_change() returns trigger
    language plpgsql
    security definer
    set search_path from current
as
$$
begin
    insert into slot_change (xid) values (pg_current_xact_id()) on conflict do nothing;
    return null;
end
$$;

create trigger recurring_slot_changed after insert or update or delete or truncate on recurring_slot
    for each statement execute function note_slot_change();
create trigger teacher_profile_changed after insert or update or delete or truncate on teacher_profile
    for each statement execute function note_slot_change();
create trigger student_profile_changed after insert or update or delete or truncate on student_profile
    for each statement execute function note_slot_change();
create trigger planned_slot_changed after insert or update or delete or truncate on planned_slot
    for each statement execute function note_slot_change();

-- Lessons already in the database count as the service's only where they match their slot's current
-- plan exactly: an eligible slot (active, its teacher and student active, the student that teacher's),
-- the slot's weekday, term and cadence, its wall-clock time in the teacher's zone (a time that happens
-- twice takes the earlier instant, as java.time does), duration and price, and SCHEDULED, or CLOSED by
-- a closure. Any other lesson may hold a person's change and is never touched. Marking them is not a
-- change of the lesson: updated_at stays as it was.
alter table lesson disable trigger lesson_touch_updated_at;

update lesson l
set written_start_at         = l.start_at,
    written_duration_minutes = l.duration_minutes,
    written_price            = l.price,
    written_status           = l.status
from recurring_slot r,
     teacher_profile t,
     student_profile s
where r.id = l.recurring_slot_id
  and t.id = r.teacher_id
  and s.id = r.student_id
  and r.status = 'ACTIVE' and t.is_active and s.is_active and s.teacher_id = r.teacher_id
  and t.timezone in (select name from pg_timezone_names)
  and l.teacher_id = r.teacher_id and l.student_id = r.student_id
  and l.timezone = t.timezone
  and l.duration_minutes = r.duration_minutes
  and l.price = r.per_lesson_price
  and ((l.status = 'SCHEDULED' and l.closure_id is null) or (l.status = 'CLOSED' and l.closure_id is not null))
  and extract(dow from l.occurrence_date) = r.day_of_week
  and (r.starts_on is null or l.occurrence_date >= r.starts_on)
  and (r.ends_on is null or l.occurrence_date <= r.ends_on)
  and (r.interval_weeks = 1
       or (l.occurrence_date - (r.starts_on + (r.day_of_week - extract(dow from r.starts_on)::int + 7) % 7))
              % (7 * r.interval_weeks) = 0)
  and l.start_at = (
      select case when ((local - before) at time zone 'UTC') at time zone t.timezone = local
                  then (local - before) at time zone 'UTC'
                  else local at time zone t.timezone end
      from (select l.occurrence_date + r.start_time as local) w
      cross join lateral (select (local - interval '1 day')
                                     - ((local - interval '1 day') at time zone t.timezone at time zone 'UTC') as before) o);

alter table lesson enable trigger lesson_touch_updated_at;

-- Every eligible slot's terms as they are now: the lessons marked above match them, so a first run
-- finds nothing to change.
insert into planned_slot (slot_id, eligible, teacher_id, student_id, timezone, day_of_week, start_time,
                          duration_minutes, price, starts_on, ends_on, interval_weeks)
select r.id, true, r.teacher_id, r.student_id, t.timezone, r.day_of_week, r.start_time, r.duration_minutes,
       r.per_lesson_price, r.starts_on, r.ends_on, r.interval_weeks
from recurring_slot r
join teacher_profile t on t.id = r.teacher_id
join student_profile s on s.id = r.student_id
where r.status = 'ACTIVE' and t.is_active and s.is_active and s.teacher_id = r.teacher_id;
