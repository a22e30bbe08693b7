-- The studio calendar: closures (the whole studio, or one teacher's time off), slots that run for
-- a term and slots that meet every n weeks, and lessons written as CLOSED on closed dates.

-- A closure covers the local dates starts_on..ends_on (inclusive) of the teachers it applies to:
-- every teacher when teacher_id is null, that teacher otherwise.
create table studio_closure
(
    id         uuid        not null default gen_random_uuid(),
    teacher_id uuid,
    kind       text        not null,
    starts_on  date        not null,
    ends_on    date        not null,
    reason     text        not null,
    created_by text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint studio_closure_pkey primary key (id),
    constraint studio_closure_teacher_id_fkey foreign key (teacher_id) references teacher_profile (id) on delete cascade,
    constraint studio_closure_kind_check check (kind in ('STUDIO_CLOSED', 'TEACHER_ABSENT')),
    constraint studio_closure_teacher_absent_check check (kind <> 'TEACHER_ABSENT' or teacher_id is not null),
    constraint studio_closure_range_check check (ends_on >= starts_on and ends_on - starts_on < 366),
    constraint studio_closure_reason_check check (char_length(reason) between 1 and 200)
);
create index studio_closure_ends_on_idx on studio_closure (ends_on);
create index studio_closure_teacher_id_idx on studio_closure (teacher_id);
create trigger studio_closure_touch_updated_at before update on studio_closure
    for each row execute function touch_updated_at();

-- A slot meets from starts_on (null: no lower bound) through ends_on (null: open-ended), every
-- interval_weeks weeks counted from its first meeting on or after starts_on.
alter table recurring_slot
    add column starts_on      date,
    add column ends_on        date,
    add column interval_weeks smallint not null default 1,
    add constraint recurring_slot_interval_weeks_check check (interval_weeks between 1 and 4),
    add constraint recurring_slot_interval_start_check check (interval_weeks = 1 or starts_on is not null),
    add constraint recurring_slot_range_check check (ends_on >= starts_on);

alter table lesson
    drop constraint lesson_status_check,
    add constraint lesson_status_check check (status in ('SCHEDULED', 'COMPLETED', 'CANCELLED', 'MISSED', 'NO_SHOW', 'CLOSED')),
    add column closure_id uuid,
    add constraint lesson_closure_id_fkey foreign key (closure_id) references studio_closure (id) on delete set null;
create index lesson_closure_id_idx on lesson (closure_id) where closure_id is not null;

-- Lessons a run wrote as CLOSED (also counted in lessons_generated).
alter table job_log
    add column lessons_closed integer not null default 0;
