-- Which transactions wrote lessons: one row per transaction, noted by a statement-level trigger (not
-- per lesson, so a run's bulk insert adds one row per chunk). The double-bookings health check reads
-- every upcoming lesson, about a second at 100,000 slots; with this table it can tell in a
-- millisecond whether any lesson changed since it last counted, and otherwise keep its count.
-- The trigger runs as this table's owner, so a studio app that writes lessons under a role of its
-- own needs no rights here. Rows older than a day are deleted by that check.
create table lesson_change
(
    xid        xid8        not null,
    changed_at timestamptz not null default now(),
    constraint lesson_change_pkey primary key (xid)
);

create function note_lesson_change() returns trigger
    language plpgsql
    security definer
    set search_path from current
as
$$
begin
    insert into lesson_change (xid) values (pg_current_xact_id()) on conflict do nothing;
    return null;
end
$$;

create trigger lesson_changed
    after insert or update or delete or truncate
    on lesson
    for each statement
execute function note_lesson_change();
