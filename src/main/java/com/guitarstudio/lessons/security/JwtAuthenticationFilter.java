package com.guitarstudio.lessons.security;

import com.guitarstudio.lessons.config.DatabaseFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs the request in from its token: {@code Authorization: Bearer <jwt>} (API clients) or, on the
 * pages only, the auth cookie. The API's chain never reads the cookie: a browser sends it with any
 * request, a form on another site's too, so on the API it would let that site act as the admin
 * (the pages' forms carry CSRF tokens instead). A bearer token that is not valid is answered 401 at
 * once, except on the public endpoints (health, sign-in), where it counts as no token; a cookie that
 * is not valid (expired, say) is cleared and the request goes on anonymous, so the page sends the
 * browser to the login form. Created by the security configuration for its chains only, never
 * registered as a servlet filter. The token is checked against the database (signed out? who is
 * its user now?); when the database cannot answer, neither can the request: 503.
 */
class JwtAuthenticationFilter extends OncePerRequestFilter {

    /**
     * Where the request's sign-in is recorded. Saving it there tells Spring Security's session
     * management that this request's user is already known, so it does not treat every request as a
     * fresh sign-in (which would rotate the CSRF token on each request, the stylesheet's included,
     * and break the page's forms).
     */
    static final SecurityContextRepository CONTEXTS = new RequestAttributeSecurityContextRepository();

    /** How a chain answers when the database cannot say who the caller is: 503, as a problem or a page. */
    @FunctionalInterface
    interface Unavailable {
        void answer(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException;
    }

    private final TokenService tokens;
    private final Optional<AuthCookie> cookie;
    private final RequestMatcher publicEndpoints;
    private final AuthenticationEntryPoint unauthorized;
    private final Unavailable unavailable;

    private JwtAuthenticationFilter(
            TokenService tokens,
            Optional<AuthCookie> cookie,
            RequestMatcher publicEndpoints,
            AuthenticationEntryPoint unauthorized,
            Unavailable unavailable) {
        this.tokens = tokens;
        this.cookie = cookie;
        this.publicEndpoints = publicEndpoints;
        this.unauthorized = unauthorized;
        this.unavailable = unavailable;
    }

    /** For the API: bearer tokens only; on {@code publicEndpoints} a token that is not valid is no token. */
    static JwtAuthenticationFilter bearerOnly(
            TokenService tokens,
            RequestMatcher publicEndpoints,
            AuthenticationEntryPoint unauthorized,
            Unavailable unavailable) {
        return new JwtAuthenticationFilter(tokens, Optional.empty(), publicEndpoints, unauthorized, unavailable);
    }

    /** For the pages: a bearer token or the auth cookie. */
    static JwtAuthenticationFilter bearerOrCookie(
            TokenService tokens, AuthCookie cookie, AuthenticationEntryPoint unauthorized, Unavailable unavailable) {
        return new JwtAuthenticationFilter(tokens, Optional.of(cookie), request -> false, unauthorized, unavailable);
    }

    /** Another filter of the chain signed the request in already (the metrics token). */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SecurityContextHolder.getContext().getAuthentication() != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean answered;
        try {
            answered = signInFromToken(request, response);
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            SecurityContextHolder.clearContext();
            unavailable.answer(request, response);
            return;
        }
        if (!answered) {
            chain.doFilter(request, response);
        }
    }

    /** Signs the request in from its token, if it has a valid one; true when it was answered 401 instead. */
    private boolean signInFromToken(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (BearerToken.isPresent(request)) {
            Optional<SignedInUser> user = BearerToken.from(request).flatMap(tokens::verify);
            if (user.isPresent()) {
                signIn(user.get(), request, response);
            } else if (!publicEndpoints.matches(request)) {
                SecurityContextHolder.clearContext();
                unauthorized.commence(request, response, new BadCredentialsException("Invalid or expired token"));
                return true;
            }
        } else if (cookie.isPresent()) {
            Optional<String> token = cookie.get().read(request);
            if (token.isPresent()) {
                Optional<SignedInUser> user = tokens.verify(token.get());
                if (user.isPresent()) {
                    signIn(user.get(), request, response);
                } else {
                    cookie.get().clear(request, response);
                }
            }
        }
        return false;
    }

    private void signIn(SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
        SecurityContextHolder.setContext(context);
        CONTEXTS.saveContext(context, request, response);
    }
}
