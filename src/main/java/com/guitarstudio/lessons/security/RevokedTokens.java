package com.guitarstudio.lessons.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tokens signed out before they expired ({@code revoked_token}), shared by every instance: each
 * request with a token asks (a primary-key lookup), so a signed-out token stops working everywhere at
 * once.
 */
@Component
class RevokedTokens {

    private final JdbcClient jdbc;
    private final Clock clock;

    RevokedTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void revoke(UUID tokenId, Instant expiresAt) {
        jdbc.sql("insert into revoked_token (token_id, expires_at) values (:id, :expiresAt) on conflict do nothing")
                .param("id", tokenId)
                .param("expiresAt", Timestamp.from(expiresAt))
                .update();
        jdbc.sql("delete from revoked_token where expires_at < :now")
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    boolean isRevoked(UUID tokenId) {
        return jdbc.sql("select exists (select 1 from revoked_token where token_id = :id)")
                .param("id", tokenId)
                .query(Boolean.class)
                .single();
    }
}
