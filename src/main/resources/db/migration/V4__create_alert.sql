-- Alerts posted to ALERT_WEBHOOK_URL, one row per event: the unique dedup_key lets exactly one
-- instance claim an event (a run's failure, a missed period, a recovery) and records how delivery
-- went, for the admin page.
create table alert
(
    id           uuid        not null default gen_random_uuid(),
    event        text        not null,
    dedup_key    text        not null,
    job_log_id   uuid,
    text         text        not null,
    raised_at    timestamptz not null,
    status       text        not null default 'PENDING',
    attempts     integer     not null default 0,
    last_error   text,
    delivered_at timestamptz,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    constraint alert_pkey primary key (id),
    constraint alert_dedup_key_key unique (dedup_key),
    constraint alert_event_check check (event in ('RUN_FAILED', 'RUN_PARTIAL', 'RUN_ABANDONED', 'RUN_MISSED', 'RECOVERED')),
    constraint alert_status_check check (status in ('PENDING', 'DELIVERED', 'FAILED'))
);
create index alert_raised_at_idx on alert (raised_at desc);
create trigger alert_touch_updated_at before update on alert
    for each row execute function touch_updated_at();
