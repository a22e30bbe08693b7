package com.guitarstudio.lessons.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;

/**
 * Issues and checks the service's JWTs: HS256 with AUTH_SECRET, issuer, subject (user id), a token
 * id, email, name, role and admin claims, valid for {@code app.auth.token-ttl} (12 hours). A token is
 * accepted only if it is signed with this secret, names this issuer, carries an expiry and an id, has
 * not expired by the application clock, does not expire later than a token issued now would, and
 * was not signed out ({@link RevokedTokens}); unsigned
 * ({@code alg: none}) tokens are refused. Who the caller is then comes from the database ({@link
 * CurrentUsers}), not from the token's claims: a deleted or demoted user loses access within a minute.
 */
@Component
class TokenService {

    private final SecretKey key;
    private final AuthProperties properties;
    private final Clock clock;
    private final JwtParser parser;
    private final RevokedTokens revoked;
    private final CurrentUsers users;

    TokenService(AuthProperties properties, Clock clock, RevokedTokens revoked, CurrentUsers users) {
        this.key = Keys.hmacShaKeyFor(properties.secret().getBytes(StandardCharsets.UTF_8));
        this.properties = properties;
        this.clock = clock;
        this.revoked = revoked;
        this.users = users;
        this.parser = Jwts.parser()
                .verifyWith(key)
                .requireIssuer(properties.issuer())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    IssuedToken issue(SignedInUser user) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.tokenTtl());
        String token = Jwts.builder()
                .issuer(properties.issuer())
                .id(UUID.randomUUID().toString())
                .subject(user.id().toString())
                .claim("email", user.email())
                .claim("name", user.name())
                .claim("role", user.role().name())
                .claim("admin", user.admin())
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
        return new IssuedToken(token, expiresAt);
    }

    /**
     * The user a valid token names, as they are now; empty for anything else (expired, signed out,
     * tampered, foreign, unsigned, without an expiry or id, garbage) and for a user who no longer
     * exists.
     *
     * @throws org.springframework.dao.DataAccessException when the database cannot say
     */
    Optional<SignedInUser> verify(String token) {
        return parse(token)
                .filter(valid -> !revoked.isRevoked(valid.id()))
                .flatMap(valid -> users.find(valid.userId()));
    }

    /** Signs {@code token} out on every instance until it expires; nothing for a token that is not valid. */
    void revoke(String token) {
        parse(token).ifPresent(valid -> revoked.revoke(valid.id(), valid.expiresAt()));
    }

    private record Valid(UUID id, UUID userId, Instant expiresAt) {}

    private Optional<Valid> parse(String token) {
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            if (claims.getExpiration() == null || claims.getId() == null) {
                return Optional.empty();
            }
            if (claims.getExpiration().toInstant().isAfter(clock.instant().plus(properties.tokenTtl()))) {
                // signed with our secret, but longer-lived than any token this service issues
                return Optional.empty();
            }
            return Optional.of(new Valid(
                    UUID.fromString(claims.getId()),
                    UUID.fromString(claims.getSubject()),
                    claims.getExpiration().toInstant()));
        } catch (JwtException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    record IssuedToken(String token, Instant expiresAt) {}
}
