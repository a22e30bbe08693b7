package com.guitarstudio.lessons.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The headers every response carries, from every chain: a Content-Security-Policy that lets the pages
 * load their own stylesheet and images and nothing else (no script at all, no inline style, no
 * framing, forms post only here; Swagger UI and the calendar feeds page alone may run their own scripts), no Referer leaving the site, and no browser features the pages do
 * not use; besides Spring Security's defaults (nosniff, frame denial, no caching of responses).
 */
public final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:;"
            + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /**
     * Swagger UI (for admins, at /swagger-ui/) is a script that fetches the API description and calls
     * the API: its own scripts, its inline styles and requests to this site, nothing from elsewhere.
     */
    static final String API_EXPLORER_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static final RequestMatcher API_EXPLORER =
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

    /**
     * The calendar feeds page runs one script of its own (/js/copy-link.js: the "Copy link" button),
     * nothing inline and nothing from elsewhere; the rest is the pages' policy.
     */
    static final String CALENDAR_FEEDS_PAGE_POLICY = CONTENT_SECURITY_POLICY + "; script-src 'self'";

    private static final RequestMatcher CALENDAR_FEEDS_PAGE =
            PathPatternRequestMatcher.withDefaults().matcher("/admin/calendar-feeds");

    static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    private static final String CONTENT_SECURITY_POLICY_HEADER = "Content-Security-Policy";

    private SecurityHeaders() {}

    public static void strict(HeadersConfigurer<HttpSecurity> headers) {
        headers.addHeaderWriter((request, response) -> {
                    if (!response.containsHeader(CONTENT_SECURITY_POLICY_HEADER)) {
                        response.setHeader(CONTENT_SECURITY_POLICY_HEADER, contentSecurityPolicy(request));
                    }
                })
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY));
    }

    /** The policy of the page asked for: the pages' own, or one of the two that run scripts. */
    private static String contentSecurityPolicy(HttpServletRequest request) {
        if (API_EXPLORER.matches(request)) {
            return API_EXPLORER_POLICY;
        }
        return CALENDAR_FEEDS_PAGE.matches(request) ? CALENDAR_FEEDS_PAGE_POLICY : CONTENT_SECURITY_POLICY;
    }
}
