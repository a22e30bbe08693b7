-- Failed sign-ins, for the lockout after 5 failures for one email within 15 minutes. Kept in the
-- database so every instance sees the same count. The email is stored as a SHA-256 hash of its
-- lower-case form: the table never holds addresses typed by strangers, only what is needed to count.
create table login_failure
(
    id         uuid        not null default gen_random_uuid(),
    email_hash text        not null,
    failed_at  timestamptz not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint login_failure_pkey primary key (id)
);
create index login_failure_email_hash_failed_at_idx on login_failure (email_hash, failed_at);
