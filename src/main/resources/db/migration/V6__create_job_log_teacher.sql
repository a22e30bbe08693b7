-- What each run did for each teacher: one row per teacher it processed or failed on, written in the
-- same transaction as that teacher's lessons, so a run's rows add up to its totals in job_log.
-- teacher_name is copied: the row tells what happened even after the teacher is renamed or removed.
-- Deleted with their run (retention).
create table job_log_teacher
(
    job_log_id        uuid    not null,
    teacher_id        uuid    not null,
    teacher_name      text    not null,
    slots             integer not null,
    lessons_generated integer not null default 0,
    lessons_closed    integer not null default 0,
    error             text,
    constraint job_log_teacher_pkey primary key (job_log_id, teacher_id),
    constraint job_log_teacher_job_log_id_fkey foreign key (job_log_id) references job_log (id) on delete cascade,
    constraint job_log_teacher_counts_check check (slots >= 0 and lessons_generated >= 0
        and lessons_closed between 0 and lessons_generated),
    constraint job_log_teacher_error_check check (error is null or lessons_generated = 0)
);
