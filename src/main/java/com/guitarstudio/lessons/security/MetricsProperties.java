package com.guitarstudio.lessons.security;

import com.guitarstudio.lessons.config.InvalidEnvironment;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param token METRICS_TOKEN: a bearer token that may read {@code /actuator/prometheus} and nothing
 *     else, for scrapers; unset: only admins may
 */
@ConfigurationProperties("app.metrics")
@Validated
public record MetricsProperties(String token) {

    static final String VARIABLE = "METRICS_TOKEN";
    static final int MINIMUM_LENGTH = 32;

    public MetricsProperties {
        if (token != null && !token.isBlank() && token.length() < MINIMUM_LENGTH) {
            throw InvalidEnvironment.invalid(
                    VARIABLE,
                    "is too short (" + token.length() + " characters): set it to at least " + MINIMUM_LENGTH
                            + " random characters, for example the output of: openssl rand -base64 32");
        }
    }

    /** Whether a scraper has a token of its own (else only admins read the metrics). */
    public boolean scraperToken() {
        return token != null && !token.isBlank();
    }

    @Override
    public String toString() {
        return "MetricsProperties[token=" + (token == null || token.isBlank() ? "unset" : "******") + "]";
    }
}
