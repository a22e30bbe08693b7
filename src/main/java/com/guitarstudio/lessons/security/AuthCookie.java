package com.guitarstudio.lessons.security;

import com.guitarstudio.lessons.config.AppProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The cookie that carries the admin page's token: HttpOnly (no script reads it), SameSite=Lax (not
 * sent on cross-site posts), Secure when APP_BASE_URL is https or the request came over HTTPS (said
 * by X-Forwarded-Proto only from a proxy in TRUSTED_PROXIES), lasting as long as the token.
 */
@Component
class AuthCookie {

    private final String name;
    private final Duration maxAge;
    private final boolean publicUrlIsHttps;

    AuthCookie(AuthProperties properties, AppProperties app) {
        this.name = properties.cookieName();
        this.maxAge = properties.tokenTtl();
        this.publicUrlIsHttps = app.baseUrl().startsWith("https:");
    }

    Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? Optional.empty()
                : Arrays.stream(cookies)
                        .filter(cookie -> cookie.getName().equals(name))
                        .map(Cookie::getValue)
                        .filter(value -> !value.isBlank())
                        .findFirst();
    }

    void write(HttpServletRequest request, HttpServletResponse response, String token) {
        response.addHeader(
                HttpHeaders.SET_COOKIE, cookie(request, token, maxAge).toString());
    }

    void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(
                HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO).toString());
    }

    private ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(name, value)
                .httpOnly(true)
                .sameSite("Lax")
                .secure(publicUrlIsHttps || request.isSecure())
                .path("/")
                .maxAge(maxAge)
                .build();
    }
}
