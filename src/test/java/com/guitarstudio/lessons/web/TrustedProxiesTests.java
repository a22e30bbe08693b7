package com.guitarstudio.lessons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.guitarstudio.lessons.config.InvalidEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** TRUSTED_PROXIES as an operator writes it: CIDR ranges and single addresses, IPv4 and IPv6. */
class TrustedProxiesTests {

    private final TrustedProxies proxies = new TrustedProxies(" 10.0.0.0/8, 192.0.2.7 ,fd00::/8,,");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "10.200.3.4, true",
        "10.0.0.0, true",
        "11.0.0.1, false",
        "192.0.2.7, true",
        "192.0.2.8, false",
        "fd12::1, true",
        "fe80::1, false",
        "'[fd00::5]', true",
        "::ffff:10.1.1.1, true",
        "localhost, false",
        "'', false",
    })
    void trustsTheListedRangesOnly(String address, boolean trusted) {
        assertThat(proxies.trusts(address)).isEqualTo(trusted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example.com", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "10.0.0/8", "10.0.0.0/8/8"})
    void anythingElseStopsTheStartWithAMessage(String invalid) {
        assertThatThrownBy(() -> new TrustedProxies(invalid))
                .isInstanceOf(InvalidEnvironment.class)
                .hasMessageStartingWith("TRUSTED_PROXIES has an entry that is not a CIDR range: '" + invalid + "'");
    }

    @Test
    void aSingleAddressIsItsWholeLengthAndEmptyEntriesAreSkipped() {
        TrustedProxies exact = new TrustedProxies("192.0.2.7/32, ,2001:db8::7/128");

        assertThat(exact.isEmpty()).isFalse();
        assertThat(exact.trusts("192.0.2.7")).isTrue();
        assertThat(exact.trusts("192.0.2.6")).isFalse();
        assertThat(exact.trusts("2001:db8::7")).isTrue();
        assertThat(exact.trusts("2001:db8::6")).isFalse();
        assertThat(new TrustedProxies("0.0.0.0/0").trusts("203.0.113.9")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void unsetTrustsNobody(String unset) {
        TrustedProxies none = new TrustedProxies(unset);
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.trusts("127.0.0.1")).isFalse();
    }
}
