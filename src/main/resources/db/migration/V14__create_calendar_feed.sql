-- Calendar feeds: a link per teacher or student that Google Calendar, Apple Calendar and Outlook
-- subscribe to (GET /calendar/<token>.ics). The link holds 32 random bytes; only their SHA-256 is
-- stored, so the table alone never gives a feed away. Revoking a feed deletes its row: a revoked
-- link and one that never existed are the same miss of the same index.
create table calendar_feed
(
    id         uuid        not null default gen_random_uuid(),
    teacher_id uuid,
    student_id uuid,
    token_hash bytea       not null,
    created_by text,
    created_at timestamptz not null default now(),
    constraint calendar_feed_pkey primary key (id),
    constraint calendar_feed_token_hash_key unique (token_hash),
    constraint calendar_feed_teacher_id_fkey foreign key (teacher_id) references teacher_profile (id) on delete cascade,
    constraint calendar_feed_student_id_fkey foreign key (student_id) references student_profile (id) on delete cascade,
    -- a feed is one teacher's (all their lessons) or one student's (theirs), never both
    constraint calendar_feed_owner_check check (num_nonnulls(teacher_id, student_id) = 1),
    constraint calendar_feed_token_hash_check check (octet_length(token_hash) = 32)
);
create index calendar_feed_teacher_id_idx on calendar_feed (teacher_id) where teacher_id is not null;
create index calendar_feed_student_id_idx on calendar_feed (student_id) where student_id is not null;

-- How many times a lesson's time, length, zone, status or closure changed, whoever changed it (a run,
-- a closure, a person in the studio app): the feed's SEQUENCE, which calendar clients compare to know
-- that an event they hold was revised. Kept by a trigger, so no writer can forget it; lesson_event
-- cannot serve, since it records only the service's own changes and is pruned after 30 days.
alter table lesson
    add column revision integer not null default 0;

create function count_lesson_revision() returns trigger
    language plpgsql as
$$
begin
    new.revision = old.revision + 1;
    return new;
end;
$$;

create trigger lesson_count_revision
    before update of start_at, duration_minutes, timezone, status, closure_id
    on lesson
    for each row
    when ((old.start_at, old.duration_minutes, old.timezone, old.status, old.closure_id)
        is distinct from (new.start_at, new.duration_minutes, new.timezone, new.status, new.closure_id))
execute function count_lesson_revision();
