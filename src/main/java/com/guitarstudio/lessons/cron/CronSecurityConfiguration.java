package com.guitarstudio.lessons.cron;

import com.guitarstudio.lessons.security.BearerOnly;
import com.guitarstudio.lessons.security.BearerToken;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security of {@code /api/cron/**}, apart from the rest of the API: the caller proves itself
 * with {@code Authorization: Bearer <CRON_SECRET>} (no user, no JWT), and is otherwise answered 401
 * with {@code WWW-Authenticate: Bearer} and the endpoint's documented body. Without CRON_SECRET the
 * endpoint is open to anyone. Ordered before the other chains, which never see these paths.
 */
@Configuration(proxyBeanMethods = false)
class CronSecurityConfiguration {

    static final String UNAUTHORIZED = "Unauthorized - Invalid cron secret";
    private static final String ROLE = "CRON";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain cronChain(HttpSecurity http, CronSecret secret, JsonMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, exception) -> {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), new Unauthorized(false, UNAUTHORIZED));
        };
        return BearerOnly.configure(http.securityMatcher("/api/cron/**"))
                .authorizeHttpRequests(requests -> {
                    if (secret.isSet()) {
                        requests.anyRequest().hasRole(ROLE);
                    } else {
                        requests.anyRequest().permitAll();
                    }
                })
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new CronSecretFilter(secret), AnonymousAuthenticationFilter.class)
                .build();
    }

    /** The 401 body of the cron endpoint. */
    @Schema(name = "CronUnauthorized")
    record Unauthorized(boolean success, String error) {}

    /** Signs the request in as the cron caller when its bearer token is CRON_SECRET. */
    private static final class CronSecretFilter extends OncePerRequestFilter {

        private final CronSecret secret;

        CronSecretFilter(CronSecret secret) {
            this.secret = secret;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (BearerToken.from(request).filter(secret::matches).isPresent()) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "cron", null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(request, response);
        }
    }
}
