-- The sign-in throttle counts failures per email and client address (5 in 15 minutes), per client
-- address across emails (30) and per email across addresses (100), so one address can neither guess
-- a password nor lock its owner out everywhere. Rows from before this migration count for their
-- email only ('' matches no client).
alter table login_failure
    add column client_address text not null default '';
create index login_failure_client_address_failed_at_idx on login_failure (client_address, failed_at);
