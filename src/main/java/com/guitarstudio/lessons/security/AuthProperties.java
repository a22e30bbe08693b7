package com.guitarstudio.lessons.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in settings.
 *
 * @param secret the JWT signing secret (AUTH_SECRET or NEXTAUTH_SECRET), at least 32 bytes
 * @param tokenTtl how long a token is valid
 * @param issuer the {@code iss} claim of issued tokens, required on the ones accepted
 * @param cookieName the cookie that carries the token for the admin page
 */
@ConfigurationProperties("app.auth")
@Validated
record AuthProperties(
        String secret,
        @NotNull Duration tokenTtl,
        @NotBlank String issuer,
        @NotBlank String cookieName) {

    AuthProperties {
        AuthSecret.require(AuthSecret.VARIABLE, secret);
    }

    @Override
    public String toString() {
        return "AuthProperties[secret=******, tokenTtl=" + tokenTtl + ", issuer=" + issuer + ", cookieName="
                + cookieName + "]";
    }
}
