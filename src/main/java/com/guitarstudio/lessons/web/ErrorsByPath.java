package com.guitarstudio.lessons.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An error is answered by what failed, whatever the client's {@code Accept} says: a page with an
 * error page, the API with a problem detail. Boot's error controller picks HTML or JSON by {@code
 * Accept}, so a page asked for with {@code Accept: *}{@code /*} (curl, a link checker) got the API's
 * JSON, and the API asked for with {@code text/html} an HTML page. On the error dispatch, the
 * request asks for what its path serves: JSON under {@code /api/} and {@code /actuator/}, HTML
 * elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class ErrorsByPath {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> errorsByPathFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new AsksByPath());
        registration.setDispatcherTypes(DispatcherType.ERROR);
        return registration;
    }

    private static final class AsksByPath extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (!(failed instanceof String path)) {
                chain.doFilter(request, response);
                return;
            }
            boolean api = path.startsWith("/api/") || path.startsWith("/actuator/");
            chain.doFilter(
                    new Asking(request, api ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.TEXT_HTML_VALUE),
                    response);
        }
    }

    /** The request as if it had asked for {@code accept}. */
    private static final class Asking extends HttpServletRequestWrapper {

        private final String accept;

        Asking(HttpServletRequest request, String accept) {
            super(request);
            this.accept = accept;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? accept : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(accept))
                    : super.getHeaders(name);
        }
    }
}
