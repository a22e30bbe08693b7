package com.guitarstudio.lessons.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client's address as the service knows it: read from any of the ways proxies write one
 * ({@code 9.9.9.6}, {@code 9.9.9.6:1001}, {@code 2001:db8::1}, {@code [2001:db8::1]:443}, {@code
 * ::ffff:9.9.9.7}), written one way (dotted IPv4; RFC 5952 IPv6, lower case and shortest), so that
 * one client is one client however its address was spelled. Never a DNS lookup.
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}");
    private static final Pattern BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::\\d{1,5})?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ClientAddress() {}

    /** {@code text} as an IP address, in any of the forms above; empty for anything else. */
    public static Optional<InetAddress> parse(String text) {
        String candidate = text == null ? "" : text.strip();
        Matcher withPort = IPV4_WITH_PORT.matcher(candidate);
        Matcher bracketed = BRACKETED.matcher(candidate);
        if (withPort.matches()) {
            candidate = withPort.group(1);
        } else if (bracketed.matches()) {
            candidate = bracketed.group(1);
        }
        if (!IPV4.matcher(candidate).matches() && !IPV6.matcher(candidate).matches()) {
            return Optional.empty();
        }
        try {
            // an IPv4-mapped IPv6 address comes back as the IPv4 address
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The one way the service writes {@code address}: "9.9.9.7", "2001:db8::1". */
    public static String text(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        return shortest(address.getAddress());
    }

    /**
     * Who a sign-in attempt counts against: the client's address, or for IPv6 its /64 ("2001:db8::/64"),
     * which any one household or server is given whole. Text that is no address is its own key.
     */
    public static String throttleKey(String clientAddress) {
        return parse(clientAddress)
                .map(address ->
                        address instanceof Inet6Address ? prefix64(address.getAddress()) : address.getHostAddress())
                .orElse(clientAddress);
    }

    private static String prefix64(byte[] bytes) {
        byte[] network = Arrays.copyOf(bytes, 16);
        Arrays.fill(network, 8, 16, (byte) 0);
        return shortest(network) + "/64";
    }

    /** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as "::". */
    private static String shortest(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
