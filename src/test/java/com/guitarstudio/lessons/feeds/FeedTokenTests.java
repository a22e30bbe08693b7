package com.guitarstudio.lessons.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The secret of a feed's link. */
class FeedTokenTests {

    @Test
    void aTokenIs256RandomBitsAs43UrlSafeCharacters() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String token = FeedToken.random().value();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            seen.add(token);
        }
        assertThat(seen).hasSize(1_000);
    }

    @Test
    void onlyTextOfATokensShapeIsLookedUp() {
        String token = FeedToken.random().value();
        assertThat(FeedToken.parse(token)).hasValue(new FeedToken(token));
        assertThat(FeedToken.parse(token.substring(1))).isEmpty();
        assertThat(FeedToken.parse(token + "A")).isEmpty();
        assertThat(FeedToken.parse(token.substring(1) + "=")).isEmpty();
        assertThat(FeedToken.parse(token.substring(1) + "+")).isEmpty();
        assertThat(FeedToken.parse(token.substring(1) + "/")).isEmpty();
        assertThat(FeedToken.parse("")).isEmpty();
        assertThat(FeedToken.parse(null)).isEmpty();
    }

    @Test
    void theStoredHashIsTheTokensSha256AndTheTokenIsNeverPrinted() {
        FeedToken token = new FeedToken("A".repeat(43));
        // printf 'A%.0s' $(seq 1 43) | sha256sum
        assertThat(HexFormat.of().formatHex(token.hash()))
                .isEqualTo("0f007385b6f9d4b7eeb2748605afe1a984a0a3bfa3f014d09e2a784ce9e5cd1a");
        assertThat(token.toString()).isEqualTo("FeedToken[******]");
    }
}
