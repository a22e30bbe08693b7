package com.guitarstudio.lessons.feeds;

import com.guitarstudio.lessons.security.BearerOnly;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security of {@code /calendar/**}: open to anyone, since calendar apps cannot sign in; the
 * secret token in the link is the proof, checked by the controller. No session, cookie or CSRF (as
 * for every bearer), and the feed's own {@code Cache-Control} instead of Spring Security's "never
 * store", which would make calendar apps download the whole feed on every poll.
 */
@Configuration(proxyBeanMethods = false)
class FeedSecurityConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain calendarFeedChain(HttpSecurity http) throws Exception {
        return BearerOnly.configure(http.securityMatcher("/calendar/**"))
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }
}
