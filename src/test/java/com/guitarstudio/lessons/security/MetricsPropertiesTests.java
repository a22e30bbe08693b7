package com.guitarstudio.lessons.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.guitarstudio.lessons.config.InvalidEnvironment;
import org.junit.jupiter.api.Test;

/** METRICS_TOKEN is a credential: a short one stops the start, and it never shows in a log or report. */
class MetricsPropertiesTests {

    @Test
    void aTokenShorterThan32CharactersStopsTheStartNamingTheVariable() {
        assertThatThrownBy(() -> new MetricsProperties("short-token"))
                .isInstanceOf(InvalidEnvironment.class)
                .hasMessageStartingWith("METRICS_TOKEN is too short (11 characters)")
                .hasMessageNotContaining("short-token");
    }

    @Test
    void unsetIsAllowedAndTheTokenIsNeverPrinted() {
        assertThat(new MetricsProperties(null).token()).isNull();
        assertThat(new MetricsProperties("").toString()).contains("unset");
        assertThat(new MetricsProperties("a-token-of-thirty-two-characters").toString())
                .doesNotContain("thirty-two");
    }
}
