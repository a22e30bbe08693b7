package com.guitarstudio.lessons.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A shared secret (the cron secret): only the very same text matches, and it never shows. */
class SharedSecretTests {

    private final SharedSecret secret =
            SharedSecret.of("cron-secret-0123456789").orElseThrow();

    @ParameterizedTest(name = "''{0}''")
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n"})
    void anUnsetOrBlankSecretIsNone(String value) {
        assertThat(SharedSecret.of(value)).isEmpty();
    }

    @Test
    void theSameTextMatches() {
        assertThat(secret.matches("cron-secret-0123456789")).isTrue();
    }

    @ParameterizedTest(name = "''{0}''")
    @NullSource
    @ValueSource(
            strings = {
                "",
                "cron-secret-012345678",
                "cron-secret-01234567890",
                "CRON-SECRET-0123456789",
                " cron-secret-0123456789"
            })
    void anythingElseDoesNot(String presented) {
        assertThat(secret.matches(presented)).isFalse();
    }

    @Test
    void itNeverShowsItself() {
        assertThat(secret.toString()).isEqualTo("SharedSecret[******]");
    }
}
