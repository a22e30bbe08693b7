package com.guitarstudio.lessons.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who the client is, for everything after this filter ({@code getRemoteAddr()}: the login
 * throttle, the logs) and whether it came over HTTPS ({@code isSecure()}: the Secure cookie). A
 * request from a proxy in {@link TrustedProxies} is taken to come from the address its {@code
 * X-Forwarded-For} names: read from the right, the first address that is not itself a trusted
 * proxy (so a client cannot put an address of its choosing in front), in any form a proxy writes
 * ({@link ClientAddress}: with a port, in brackets, IPv4-mapped) and written one way; an entry there
 * that is no address makes the request a client of its own. Its scheme comes from {@code
 * X-Forwarded-Proto}. From anyone else these headers are ignored. {@code Host} and {@code
 * X-Forwarded-Host} are never used: redirects are relative and links use APP_BASE_URL.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ForwardedHeadersFilter extends OncePerRequestFilter {

    private final TrustedProxies proxies;

    ForwardedHeadersFilter(ProxyProperties properties) {
        this.proxies = new TrustedProxies(properties.trustedProxies());
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
        String client = ClientAddress.parse(request.getRemoteAddr())
                .map(ClientAddress::text)
                .orElse(request.getRemoteAddr());
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = ClientAddress.parse(hops.get(i));
            if (hop.isEmpty()) {
                return unknownClient(request.getRemoteAddr());
            }
            client = ClientAddress.text(hop.get());
            if (!proxies.trusts(client)) {
                break;
            }
        }
        return client;
    }

    /**
     * A forwarded entry that is no address, where the client's should be: the request is a client
     * nobody else is, not the proxy (whose address every client behind it would then share, so that
     * one person's failed sign-ins locked out everyone). Said once, as the proxy is misconfigured or
     * someone writes the header before it.
     */
    private static String unknownClient(String proxy) {
        if (!TOLD.getAndSet(true)) {
            log.warn(
                    "X-Forwarded-For from a trusted proxy holds an entry that is not an address (first seen from {});"
                            + " such requests count as clients of their own. Check what the proxy writes.",
                    proxy);
        }
        return "unknown-" + UUID.randomUUID();
    }

    private static final AtomicBoolean TOLD = new AtomicBoolean();
    private static final Logger log = LoggerFactory.getLogger(ForwardedHeadersFilter.class);

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
