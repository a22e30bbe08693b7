-- Studio schema shared with the studio's main web app. Table, column, key and index names
-- are a contract (docs/architecture.md): never change this file's statements once released, add
-- a new version instead.

-- Keeps updated_at true for every writer of these tables, not only this service.
create function touch_updated_at() returns trigger
    language plpgsql as
$$
begin
    new.updated_at = now();
    return new;
end;
$$;

create table app_user
(
    id            uuid        not null default gen_random_uuid(),
    email         text        not null,
    password_hash text,
    name          text        not null,
    role          text        not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    constraint app_user_pkey primary key (id),
    constraint app_user_role_check check (role in ('ADMIN', 'TEACHER', 'STUDENT'))
);
create unique index app_user_email_lower_key on app_user (lower(email));

create table teacher_profile
(
    id         uuid        not null default gen_random_uuid(),
    user_id    uuid        not null,
    timezone   text        not null default 'America/Chicago',
    is_active  boolean     not null default true,
    is_admin   boolean     not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint teacher_profile_pkey primary key (id),
    constraint teacher_profile_user_id_key unique (user_id),
    constraint teacher_profile_user_id_fkey foreign key (user_id) references app_user (id) on delete cascade
);

create table student_profile
(
    id         uuid        not null default gen_random_uuid(),
    user_id    uuid        not null,
    teacher_id uuid        not null,
    is_active  boolean     not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint student_profile_pkey primary key (id),
    constraint student_profile_user_id_key unique (user_id),
    constraint student_profile_user_id_fkey foreign key (user_id) references app_user (id) on delete cascade,
    constraint student_profile_teacher_id_fkey foreign key (teacher_id) references teacher_profile (id) on delete cascade
);
create index student_profile_teacher_id_idx on student_profile (teacher_id);

create table teacher_lesson_settings
(
    teacher_id           uuid        not null,
    allows_30_min        boolean     not null default true,
    allows_60_min        boolean     not null default true,
    price_30_min         integer     not null,
    price_60_min         integer     not null,
    advance_booking_days integer     not null default 21,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    constraint teacher_lesson_settings_pkey primary key (teacher_id),
    constraint teacher_lesson_settings_teacher_id_fkey foreign key (teacher_id) references teacher_profile (id) on delete cascade
);

create table recurring_slot
(
    id               uuid        not null default gen_random_uuid(),
    teacher_id       uuid        not null,
    student_id       uuid        not null,
    day_of_week      smallint    not null,
    start_time       time        not null,
    duration_minutes integer     not null,
    per_lesson_price integer     not null default 0,
    status           text        not null default 'ACTIVE',
    booked_at        timestamptz not null default now(),
    cancelled_at     timestamptz,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint recurring_slot_pkey primary key (id),
    constraint recurring_slot_teacher_id_fkey foreign key (teacher_id) references teacher_profile (id) on delete cascade,
    constraint recurring_slot_student_id_fkey foreign key (student_id) references student_profile (id) on delete cascade,
    constraint recurring_slot_day_of_week_check check (day_of_week between 0 and 6),
    constraint recurring_slot_duration_minutes_check check (duration_minutes between 1 and 480),
    constraint recurring_slot_status_check check (status in ('ACTIVE', 'CANCELLED', 'SUSPENDED', 'EXPIRED'))
);
create index recurring_slot_teacher_id_status_idx on recurring_slot (teacher_id, status);
create index recurring_slot_student_id_status_idx on recurring_slot (student_id, status);

create table lesson
(
    id                uuid        not null default gen_random_uuid(),
    teacher_id        uuid        not null,
    student_id        uuid        not null,
    recurring_slot_id uuid,
    occurrence_date   date,
    start_at          timestamptz not null,
    duration_minutes  integer     not null,
    status            text        not null default 'SCHEDULED',
    is_recurring      boolean     not null default false,
    price             integer     not null default 0,
    timezone          text        not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    constraint lesson_pkey primary key (id),
    constraint lesson_teacher_id_fkey foreign key (teacher_id) references teacher_profile (id) on delete cascade,
    constraint lesson_student_id_fkey foreign key (student_id) references student_profile (id) on delete cascade,
    constraint lesson_recurring_slot_id_fkey foreign key (recurring_slot_id) references recurring_slot (id) on delete set null,
    constraint lesson_status_check check (status in ('SCHEDULED', 'COMPLETED', 'CANCELLED', 'MISSED', 'NO_SHOW')),
    -- never two lessons for the same pair at the same instant
    constraint lesson_teacher_id_student_id_start_at_key unique (teacher_id, student_id, start_at),
    -- a generated lesson that was cancelled or moved is never generated again
    constraint lesson_recurring_slot_id_occurrence_date_key unique (recurring_slot_id, occurrence_date)
);
create index lesson_teacher_id_start_at_idx on lesson (teacher_id, start_at);
create index lesson_student_id_start_at_idx on lesson (student_id, start_at);
create index lesson_start_at_idx on lesson (start_at);

create table job_log
(
    id                 uuid        not null default gen_random_uuid(),
    job_name           text        not null,
    trigger            text        not null,
    triggered_by       text,
    status             text        not null,
    success            boolean     not null,
    executed_at        timestamptz not null,
    finished_at        timestamptz,
    duration_ms        bigint,
    lessons_generated  integer     not null default 0,
    teachers_processed integer     not null default 0,
    slots_processed    integer     not null default 0,
    teachers_total     integer,
    errors             text[]      not null default '{}',
    window_start       timestamptz,
    window_end         timestamptz,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    constraint job_log_pkey primary key (id),
    constraint job_log_trigger_check check (trigger in ('SCHEDULE', 'CRON', 'MANUAL', 'STARTUP')),
    constraint job_log_status_check check (status in ('RUNNING', 'SUCCESS', 'PARTIAL', 'FAILED', 'SKIPPED', 'ABANDONED')),
    constraint job_log_success_check check (success = (status = 'SUCCESS'))
);
create index job_log_job_name_executed_at_idx on job_log (job_name, executed_at desc);

-- ShedLock's standard JDBC table (usingDbTime() writes UTC into timestamp columns).
create table shedlock
(
    name       varchar(64)  not null,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null,
    constraint shedlock_pkey primary key (name)
);

create trigger app_user_touch_updated_at before update on app_user
    for each row execute function touch_updated_at();
create trigger teacher_profile_touch_updated_at before update on teacher_profile
    for each row execute function touch_updated_at();
create trigger student_profile_touch_updated_at before update on student_profile
    for each row execute function touch_updated_at();
create trigger teacher_lesson_settings_touch_updated_at before update on teacher_lesson_settings
    for each row execute function touch_updated_at();
create trigger recurring_slot_touch_updated_at before update on recurring_slot
    for each row execute function touch_updated_at();
create trigger lesson_touch_updated_at before update on lesson
    for each row execute function touch_updated_at();
create trigger job_log_touch_updated_at before update on job_log
    for each row execute function touch_updated_at();
