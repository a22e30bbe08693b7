-- Where delivery of lesson events to LESSON_WEBHOOK_URL stands: the last event id the webhook
-- acknowledged, and the latest failure. One row. The instance that delivers a batch holds this row's
-- lock (select ... for update skip locked) until the batch is acknowledged and recorded, so one
-- instance delivers at a time, and another, or the same after a restart, resumes where delivery
-- stopped: from the id after last_delivered_id, never skipping one (event ids follow commit order,
-- V12). Delivery is at least once: a batch acknowledged but not recorded (the database or the
-- instance went away in between) is posted again.
create table lesson_event_delivery
(
    name              text    not null,
    last_delivered_id bigint  not null default 0,
    delivered_at      timestamptz,
    failures          integer not null default 0,
    last_error        text,
    failed_at         timestamptz,
    constraint lesson_event_delivery_pkey primary key (name)
);

insert into lesson_event_delivery (name) values ('webhook');
