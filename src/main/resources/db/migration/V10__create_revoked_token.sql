-- Tokens signed out before they expired: every instance refuses them until expires_at, after which
-- the token is refused anyway and its row is deleted (by the next sign-out).
create table revoked_token
(
    token_id   uuid        not null,
    expires_at timestamptz not null,
    constraint revoked_token_pkey primary key (token_id)
);
