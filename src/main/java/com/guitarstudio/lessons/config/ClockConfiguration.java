package com.guitarstudio.lessons.config;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Now" comes from this clock everywhere, so tests can pin it; how long something has taken (a
 * lease held, say) comes from the ticker, which a changed wall clock does not move, and which tests
 * can move on.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Ticker ticker() {
        return Ticker.systemTicker();
    }
}
