package com.guitarstudio.lessons.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses as proxies write them, and the one way the service writes and counts them. */
class ClientAddressTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            9.9.9.6                                  | 9.9.9.6
            9.9.9.6:1001                             | 9.9.9.6
            ' 9.9.9.6 '                              | 9.9.9.6
            ::ffff:9.9.9.7                           | 9.9.9.7
            [::ffff:9.9.9.7]:80                      | 9.9.9.7
            2001:db8::1                              | 2001:db8::1
            2001:0DB8:0000:0000:0000:0000:0000:0001  | 2001:db8::1
            [2001:db8::1]                            | 2001:db8::1
            [2001:db8::1]:443                        | 2001:db8::1
            2001:db8:0:0:1:0:0:1                     | 2001:db8::1:0:0:1
            2001:0:0:1:0:0:0:1                       | 2001:0:0:1::1
            ::1                                      | ::1
            ::                                       | ::
            fe80:0:0:0:0:0:0:0                       | fe80::
            1:2:3:4:5:6:7:8                          | 1:2:3:4:5:6:7:8
            1:0:2:3:4:5:6:7                          | 1:0:2:3:4:5:6:7
            0:0:1:0:0:0:2:0                          | 0:0:1::2:0
            1:2:3:4:5:6:0:0                          | 1:2:3:4:5:6::
            """)
    void everySpellingIsReadAndWrittenOneWay(String spelled, String written) {
        assertThat(ClientAddress.parse(spelled).map(ClientAddress::text)).hasValue(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-address", "localhost", "example.com", "9.9.9", "[9.9.9.6]:x", "", "unknown"})
    void anythingElseIsNoAddressAndNeverLookedUp(String text) {
        assertThat(ClientAddress.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0} counts as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            9.9.9.6                  | 9.9.9.6
            ::ffff:9.9.9.6           | 9.9.9.6
            2001:db8:7:7::1          | 2001:db8:7:7::/64
            2001:db8:7:7:ffff::9     | 2001:db8:7:7::/64
            2001:db8:7:8::1          | 2001:db8:7:8::/64
            unknown-1234             | unknown-1234
            """)
    void signInsCountByAddressAndIpv6ByItsSlash64(String client, String key) {
        assertThat(ClientAddress.throttleKey(client)).isEqualTo(key);
    }
}
