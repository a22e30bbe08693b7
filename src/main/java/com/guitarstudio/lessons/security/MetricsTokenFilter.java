package com.guitarstudio.lessons.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a scraper read the metrics with {@code Authorization: Bearer <METRICS_TOKEN>}: on the
 * metrics endpoint only, a request carrying the token is signed in with the role {@value #ROLE},
 * which opens that endpoint and nothing else. Anywhere else the token is just a bearer that is not a
 * valid JWT. Created by the security configuration for the API chain only.
 */
class MetricsTokenFilter extends OncePerRequestFilter {

    static final String ROLE = "METRICS";

    private final Optional<SharedSecret> token;
    private final RequestMatcher metricsEndpoint;

    MetricsTokenFilter(MetricsProperties properties, RequestMatcher metricsEndpoint) {
        this.token = SharedSecret.of(properties.token());
        this.metricsEndpoint = metricsEndpoint;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return token.isEmpty() || !metricsEndpoint.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (BearerToken.from(request)
                .filter(presented -> token.get().matches(presented))
                .isPresent()) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "metrics scraper", null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
