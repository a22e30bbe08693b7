package com.guitarstudio.lessons.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who the client is, for everything after this filter ({@code getRemoteAddr()}: the login
 * throttle, the logs) and whether it came over HTTPS ({@code isSecure()}: the Secure cookie). A
 * request from a proxy in {@link TrustedProxies} is taken to come from the address its {@code
 * X-Forwarded-For} names: read from the right, the first address that is not itself a trusted
 * proxy (so a client cannot put an address of its choosing in front); its scheme from {@code
 * X-Forwarded-Proto}. From anyone else these headers are ignored. {@code Host} and {@code
 * X-Forwarded-Host} are never used: redirects are relative and links use APP_BASE_URL.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ForwardedHeadersFilter extends OncePerRequestFilter {

    private final TrustedProxies proxies;

    ForwardedHeadersFilter(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (proxies.isEmpty() || !proxies.trusts(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new Forwarded(request, client(request), scheme(request)), response);
    }

    private String client(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        String client = request.getRemoteAddr();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (TrustedProxies.ip(hops.get(i)).isEmpty()) {
                // not an address: whatever is further left was written by someone untrusted
                break;
            }
            client = hops.get(i);
            if (!proxies.trusts(client)) {
                break;
            }
        }
        return client;
    }

    private static String scheme(HttpServletRequest request) {
        String proto = request.getHeader("X-Forwarded-Proto");
        if (proto == null) {
            return request.getScheme();
        }
        String last = proto.substring(proto.lastIndexOf(',') + 1).trim();
        return last.equalsIgnoreCase("https") ? "https" : last.equalsIgnoreCase("http") ? "http" : request.getScheme();
    }

    private static final class Forwarded extends HttpServletRequestWrapper {

        private final String client;
        private final String scheme;

        Forwarded(HttpServletRequest request, String client, String scheme) {
            super(request);
            this.client = client;
            this.scheme = scheme;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }

        @Override
        public String getScheme() {
            return scheme;
        }

        @Override
        public boolean isSecure() {
            return scheme.equals("https");
        }
    }
}
