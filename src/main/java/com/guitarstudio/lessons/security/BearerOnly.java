package com.guitarstudio.lessons.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * The shape of every chain whose callers prove themselves with a bearer value on each request (the
 * API, the cron endpoint): no session, no saved request, no CSRF (no cookie is trusted), no form
 * login, basic auth or logout; the strict {@link SecurityHeaders}.
 */
public final class BearerOnly {

    private BearerOnly() {}

    public static HttpSecurity configure(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .headers(SecurityHeaders::strict);
    }
}
