package com.guitarstudio.lessons.security;

import com.guitarstudio.lessons.config.DatabaseFailures;
import com.guitarstudio.lessons.web.ProblemWriter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.FormLoginConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The chains for signed-in users. Both are stateless: who the caller is comes from a JWT on every
 * request, so any instance serves any request. (The cron endpoint has a chain of its own, in the
 * cron package.)
 *
 * <ul>
 *   <li>{@code /api/**} and {@code /actuator/**}: bearer JWT, no CSRF (no cookies are trusted here),
 *       401 with {@code WWW-Authenticate: Bearer} or 403 as problem details; {@code
 *       /actuator/prometheus} also takes METRICS_TOKEN.
 *   <li>everything else (the admin page): a login form that puts the JWT in an HttpOnly cookie,
 *       CSRF tokens on every form post (in a cookie, as there is no session), logout that clears
 *       the cookie; not signed in goes to {@code /login}, signed in without admin rights gets 403.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final String ADMIN_PAGE = "/admin/background-jobs";
    static final String TOKEN_ENDPOINT = "/api/auth/token";

    @Bean
    PasswordEncoder passwordEncoder() {
        // Plain bcrypt ($2a$/$2b$/$2y$, no {bcrypt} prefix), as the studio's main app writes it.
        return new BCryptPasswordEncoder();
    }

    /**
     * The only way to sign in with a password. Being a bean, it also keeps Spring Boot from adding
     * an in-memory user with a generated (and logged) password, and it is the chain's manager
     * itself, without a parent that would check a failed attempt a second time.
     */
    @Bean
    AuthenticationManager authenticationManager(LoginService logins) {
        return new ProviderManager(new LoginProvider(logins));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http, TokenService tokens, ProblemWriter problems, MetricsProperties metrics)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problems.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Sign in first: send 'Authorization: Bearer <token>' with a token from POST /api/auth/token");
        };
        return BearerOnly.configure(http.securityMatcher("/api/**", "/actuator/**"))
                .authorizeHttpRequests(requests -> requests.requestMatchers(TOKEN_ENDPOINT)
                        .permitAll()
                        .requestMatchers(EndpointRequest.to("health"))
                        .permitAll()
                        .requestMatchers(EndpointRequest.to("prometheus"))
                        .hasAnyRole("ADMIN", MetricsTokenFilter.ROLE)
                        .requestMatchers("/api/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers(EndpointRequest.toAnyEndpoint())
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, exception) ->
                                problems.write(request, response, HttpStatus.FORBIDDEN, "This needs an admin account")))
                .addFilterBefore(
                        new MetricsTokenFilter(metrics, EndpointRequest.to("prometheus")),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(
                        JwtAuthenticationFilter.bearerOnly(
                                tokens,
                                new OrRequestMatcher(
                                        EndpointRequest.to("health"),
                                        PathPatternRequestMatcher.withDefaults().matcher(TOKEN_ENDPOINT)),
                                unauthorized,
                                problems::databaseUnavailable),
                        UsernamePasswordAuthenticationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(
            HttpSecurity http,
            TokenService tokens,
            AuthCookie cookie,
            ProblemWriter problems,
            AuthenticationManager authenticationManager)
            throws Exception {
        CookieRequestCache requestCache = new CookieRequestCache();
        SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();
        redirect.setRequestCache(requestCache);
        redirect.setDefaultTargetUrl(ADMIN_PAGE);
        AuthenticationEntryPoint unauthorized = (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Invalid or expired token");
        };
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(csrfCookie -> csrfCookie.sameSite("Lax"));
        requestCache.setCookieCustomizer(saved -> saved.setAttribute("SameSite", "Lax"));
        // Redirects to the login form are relative: an absolute one would be built from the
        // request's Host header, which the client writes.
        LoginUrlAuthenticationEntryPoint toLoginForm = new LoginUrlAuthenticationEntryPoint("/login");
        toLoginForm.setFavorRelativeUris(true);
        return http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                // The JWT filter records each request's sign-in here; naming the repository makes
                // session management look in the same place, so it does not take every request for
                // a new sign-in (and rotate the CSRF token under the page's forms).
                .securityContext(context -> context.securityContextRepository(JwtAuthenticationFilter.CONTEXTS))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(requestCache))
                .authenticationManager(authenticationManager)
                .formLogin(form -> loginForm(form, tokens, cookie, redirect))
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler(
                                (request, response, authentication) -> signOut(tokens, cookie, request, response))
                        .logoutSuccessUrl("/login?logout")
                        .permitAll())
                .authorizeHttpRequests(SecurityConfiguration::pageAccess)
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(toLoginForm).accessDeniedHandler(pageAccessDenied()))
                .addFilterBefore(
                        JwtAuthenticationFilter.bearerOrCookie(
                                tokens, cookie, unauthorized, SecurityConfiguration::databaseUnavailablePage),
                        UsernamePasswordAuthenticationFilter.class)
                .headers(SecurityHeaders::strict)
                .build();
    }

    /** The sign-in form: a cookie with a fresh token, then back to the page asked for (or the admin page). */
    private static void loginForm(
            FormLoginConfigurer<HttpSecurity> form,
            TokenService tokens,
            AuthCookie cookie,
            SavedRequestAwareAuthenticationSuccessHandler redirect) {
        form.loginPage("/login")
                .usernameParameter("email")
                .passwordParameter("password")
                .successHandler((request, response, authentication) -> {
                    SignedInUser user = (SignedInUser) authentication.getPrincipal();
                    cookie.write(request, response, tokens.issue(user).token());
                    redirect.onAuthenticationSuccess(request, response, authentication);
                })
                .failureHandler(loginFailure())
                .permitAll();
    }

    /** Who may see which page: the sign-in pages and error pages anyone; the rest admins. */
    private static void pageAccess(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(
                        "/login",
                        "/login/locked",
                        LoginPageController.UNAVAILABLE,
                        LoginPageController.FORM_EXPIRED,
                        "/error",
                        "/css/**",
                        "/js/**",
                        "/favicon.ico")
                .permitAll()
                .requestMatchers(
                        "/admin/**",
                        "/v3/api-docs",
                        "/v3/api-docs.yaml",
                        "/v3/api-docs/**",
                        "/swagger-ui/**",
                        "/swagger-ui.html")
                .hasRole("ADMIN")
                .anyRequest()
                .authenticated();
    }

    /** Sign-out: the token stops working on every instance (until it expires), and the cookie goes. */
    private static void signOut(
            TokenService tokens, AuthCookie cookie, HttpServletRequest request, HttpServletResponse response) {
        try {
            cookie.read(request).ifPresent(tokens::revoke);
        } catch (DataAccessException e) {
            log.warn("Signed out without revoking the token (it stays valid until it expires): {}", e.getMessage());
        }
        cookie.clear(request, response);
    }

    /** A page asked for while the database cannot say who is asking: the 503 page. */
    private static void databaseUnavailablePage(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, ProblemWriter.RETRY_AFTER_SECONDS);
        request.getRequestDispatcher(LoginPageController.UNAVAILABLE).forward(request, response);
    }

    /**
     * A form posted with a missing or stale CSRF token gets a 403 page that says the form expired;
     * a signed-in user without admin rights gets the usual 403 page.
     */
    private static AccessDeniedHandler pageAccessDenied() {
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        return (request, response, exception) -> {
            if (exception instanceof CsrfException) {
                response.setStatus(HttpStatus.FORBIDDEN.value());
                request.getRequestDispatcher(LoginPageController.FORM_EXPIRED).forward(request, response);
            } else {
                forbidden.handle(request, response, exception);
            }
        };
    }

    /**
     * Wrong password: back to the form. Locked out: the form again, answered 429 with Retry-After.
     * The database unreachable: the 503 page.
     */
    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> {
            if (exception instanceof AuthenticationServiceException
                    && DatabaseFailures.isUnavailable(exception.getCause())) {
                databaseUnavailablePage(request, response);
            } else if (exception instanceof TooManyLoginAttempts locked) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(locked.retryAfterSeconds()));
                request.setAttribute(LoginPageController.LOCKED_MINUTES, locked.minutes());
                request.getRequestDispatcher("/login/locked").forward(request, response);
            } else {
                response.sendRedirect(request.getContextPath() + "/login?error");
            }
        };
    }

    /** The login form's check, the same as the token endpoint's. */
    private record LoginProvider(LoginService logins) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication authentication) {
            String clientAddress = authentication.getDetails() instanceof WebAuthenticationDetails details
                    ? details.getRemoteAddress()
                    : "";
            SignedInUser user;
            try {
                user = logins.authenticate(
                        authentication.getName(), String.valueOf(authentication.getCredentials()), clientAddress);
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isUnavailable(e)) {
                    throw e;
                }
                // an AuthenticationException, so the form's failure handler answers (503), not the container
                throw new AuthenticationServiceException("The database is unavailable", e);
            }
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
