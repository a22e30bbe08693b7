package com.guitarstudio.lessons.security;

import com.guitarstudio.lessons.studio.Role;
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
 * Issues and checks the service's JWTs: HS256 with AUTH_SECRET, issuer, subject (user id), email,
 * name, role and admin claims, valid for {@code app.auth.token-ttl} (12 hours). A token is accepted
 * only if it is signed with this secret, names this issuer, and has not expired by the application
 * clock; unsigned ({@code alg: none}) tokens are refused.
 */
@Component
class TokenService {

    private final SecretKey key;
    private final AuthProperties properties;
    private final Clock clock;
    private final JwtParser parser;

    TokenService(AuthProperties properties, Clock clock) {
        this.key = Keys.hmacShaKeyFor(properties.secret().getBytes(StandardCharsets.UTF_8));
        this.properties = properties;
        this.clock = clock;
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

    /** The user a valid token names; empty for anything else (expired, tampered, foreign, unsigned, garbage). */
    Optional<SignedInUser> verify(String token) {
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            return Optional.of(new SignedInUser(
                    UUID.fromString(claims.getSubject()),
                    claims.get("email", String.class),
                    claims.get("name", String.class),
                    Role.valueOf(claims.get("role", String.class)),
                    Boolean.TRUE.equals(claims.get("admin", Boolean.class))));
        } catch (JwtException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    record IssuedToken(String token, Instant expiresAt) {}
}
