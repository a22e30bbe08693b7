-- Lesson change events (an outbox the studio app polls, and the webhook pushes): one row per lesson
-- the service created, closed, reopened, moved, repriced, cancelled or restored, written in the same
-- transaction as the change, so a change that rolls back leaves no event.
--
-- A statement-level trigger on lesson writes them, set-based (one insert per statement, from the
-- statement's transition tables), and only for the service's own writes: the service says why it
-- writes in each transaction that writes lessons (set_config('lesson_event.cause', 'RUN' or
-- 'CLOSURE', true), with the run's job_log id or the closure's id); a transaction that says nothing,
-- a person's edit in the studio app, writes no event. It runs as this table's owner, so a studio app
-- that writes lessons under a role of its own needs no rights here.
--
-- Ids follow the order in which the events become visible, so a consumer that asks for the events
-- after the last id it saw never skips one: before it takes ids, a transaction takes the
-- transaction-scoped advisory lock 7810776068371932534 ('lessonev' in ASCII) and keeps it until it
-- commits, so no other transaction can take ids until this one's are visible (or rolled back). The
-- lock is taken after the statement that wrote the lessons, so the lessons of two chunks are still
-- written side by side; only their events and the end of their transactions take turns.
create table lesson_event
(
    id          bigserial   not null,
    lesson_id   uuid        not null,
    teacher_id  uuid        not null,
    student_id  uuid        not null,
    kind        text        not null,
    before      jsonb,
    after       jsonb       not null,
    cause       text        not null,
    job_log_id  uuid,
    closure_id  uuid,
    occurred_at timestamptz not null default now(),
    constraint lesson_event_pkey primary key (id),
    constraint lesson_event_kind_check
        check (kind in ('CREATED', 'UPDATED', 'CANCELLED', 'RESTORED', 'CLOSED', 'REOPENED')),
    constraint lesson_event_cause_check check (cause in ('RUN', 'CLOSURE', 'RECONCILE'))
);

-- Consumers that follow one teacher or one student poll by id within them.
create index lesson_event_teacher_idx on lesson_event (teacher_id, id);
create index lesson_event_student_idx on lesson_event (student_id, id);
-- Retention deletes by age; rows arrive in time order, so a block range index is enough.
create index lesson_event_occurred_at_idx on lesson_event using brin (occurred_at);

-- A lesson as an event shows it: the instant in UTC, whatever the session's time zone.
create function lesson_event_state(start_at timestamptz, duration_minutes int, price int, status text,
                                   timezone text, closure_id uuid) returns jsonb
    language sql
    stable
as
$$
select jsonb_build_object('start_at', to_char(start_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                          'duration_minutes', duration_minutes, 'price', price, 'status', status,
                          'timezone', timezone, 'closure_id', closure_id)
$$;

create function write_lesson_events() returns trigger
    language plpgsql
    security definer
    set search_path from current
as
$$
declare
    said_cause text := nullif(current_setting('lesson_event.cause', true), '');
    job        uuid := nullif(current_setting('lesson_event.job_log_id', true), '')::uuid;
    closure    uuid := nullif(current_setting('lesson_event.closure_id', true), '')::uuid;
begin
    if said_cause is null or not exists (select 1 from new_lessons) then
        return null;
    end if;
    perform pg_advisory_xact_lock(7810776068371932534);
    if tg_op = 'INSERT' then
        insert into lesson_event (lesson_id, teacher_id, student_id, kind, before, after, cause, job_log_id, closure_id)
        select n.id, n.teacher_id, n.student_id,
               case when n.status = 'CLOSED' then 'CLOSED' else 'CREATED' end,
               null,
               lesson_event_state(n.start_at, n.duration_minutes, n.price, n.status, n.timezone, n.closure_id),
               case when said_cause = 'CLOSURE' then 'CLOSURE' else 'RUN' end, job, closure
        from new_lessons n
        order by n.start_at, n.id;
    else
        insert into lesson_event (lesson_id, teacher_id, student_id, kind, before, after, cause, job_log_id, closure_id)
        select n.id, n.teacher_id, n.student_id,
               case
                   when n.status = 'CANCELLED' and o.status <> 'CANCELLED' then 'CANCELLED'
                   when o.status = 'CANCELLED' and n.status <> 'CANCELLED' then 'RESTORED'
                   when n.status = 'CLOSED' and (o.status <> 'CLOSED' or o.closure_id is distinct from n.closure_id)
                       then 'CLOSED'
                   when o.status = 'CLOSED' and n.status <> 'CLOSED' then 'REOPENED'
                   else 'UPDATED'
                   end,
               lesson_event_state(o.start_at, o.duration_minutes, o.price, o.status, o.timezone, o.closure_id),
               lesson_event_state(n.start_at, n.duration_minutes, n.price, n.status, n.timezone, n.closure_id),
               case when said_cause = 'CLOSURE' then 'CLOSURE' else 'RECONCILE' end, job, closure
        from old_lessons o
                 join new_lessons n on n.id = o.id
        where (o.start_at, o.duration_minutes, o.price, o.status, o.timezone, o.closure_id)
                  is distinct from (n.start_at, n.duration_minutes, n.price, n.status, n.timezone, n.closure_id)
        order by n.start_at, n.id;
    end if;
    return null;
end
$$;

create trigger lesson_events_on_insert
    after insert
    on lesson
    referencing new table as new_lessons
    for each statement
execute function write_lesson_events();

create trigger lesson_events_on_update
    after update
    on lesson
    referencing old table as old_lessons new table as new_lessons
    for each statement
execute function write_lesson_events();
