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
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs the request in from its token: {@code Authorization: Bearer <jwt>} (API clients) or the
 * auth cookie (the admin page). A bearer token that is not valid is answered 401 at once; a cookie
 * that is not valid (expired, say) is cleared and the request goes on anonymous, so the page sends
 * the browser to the login form. Created by the security configuration for its chains only, never
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
    private final AuthCookie cookie;
    private final AuthenticationEntryPoint unauthorized;
    private final Unavailable unavailable;

    JwtAuthenticationFilter(
            TokenService tokens, AuthCookie cookie, AuthenticationEntryPoint unauthorized, Unavailable unavailable) {
        this.tokens = tokens;
        this.cookie = cookie;
        this.unauthorized = unauthorized;
        this.unavailable = unavailable;
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
            if (user.isEmpty()) {
                SecurityContextHolder.clearContext();
                unauthorized.commence(request, response, new BadCredentialsException("Invalid or expired token"));
                return true;
            }
            signIn(user.get(), request, response);
        } else {
            Optional<String> token = cookie.read(request);
            if (token.isPresent()) {
                Optional<SignedInUser> user = tokens.verify(token.get());
                if (user.isPresent()) {
                    signIn(user.get(), request, response);
                } else {
                    cookie.clear(request, response);
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
