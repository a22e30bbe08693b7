package com.guitarstudio.lessons.web;

import com.guitarstudio.lessons.config.InvalidEnvironment;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * TRUSTED_PROXIES: the reverse proxies (CIDRs, comma-separated: {@code 10.0.0.0/8, 192.0.2.7/32,
 * fd00::/8}) whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed. Unset, no
 * proxy is: the client is whoever opened the connection, so nobody can pick the address the login
 * throttle counts by sending a header.
 */
class TrustedProxies {

    static final String VARIABLE = "TRUSTED_PROXIES";

    private final List<Range> ranges;

    TrustedProxies(String cidrs) {
        this.ranges = List.copyOf(ranges(cidrs));
    }

    /** One CIDR range. */
    record Range(byte[] network, int prefix) {

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether {@code address} (an IP literal) is one of the trusted proxies. */
    boolean trusts(String address) {
        return ip(address)
                .map(ip -> ranges.stream().anyMatch(range -> range.contains(ip)))
                .orElse(false);
    }

    private static List<Range> ranges(String cidrs) {
        List<Range> ranges = new ArrayList<>();
        if (cidrs == null || cidrs.isBlank()) {
            return ranges;
        }
        for (String cidr : Arrays.stream(cidrs.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList()) {
            String[] parts = cidr.split("/", -1);
            Optional<InetAddress> network = ip(parts[0]);
            int bits = network.map(ip -> ip.getAddress().length * 8).orElse(0);
            int prefix = parts.length == 1 ? bits : parseInt(parts.length == 2 ? parts[1] : "");
            if (network.isEmpty() || prefix < 0 || prefix > bits) {
                throw InvalidEnvironment.invalid(
                        VARIABLE,
                        "has an entry that is not a CIDR range: '" + cidr
                                + "'. List your proxies' addresses or networks, comma-separated, for example:"
                                + " 10.0.0.0/8, 192.0.2.7/32, fd00::/8");
            }
            ranges.add(new Range(network.get().getAddress(), prefix));
        }
        return ranges;
    }

    private static int parseInt(String digits) {
        return digits.matches("\\d{1,3}") ? Integer.parseInt(digits) : -1;
    }

    /** {@code text} as an IP address if it is one (see {@link ClientAddress}); never a DNS lookup. */
    static Optional<InetAddress> ip(String text) {
        return ClientAddress.parse(text);
    }
}
