package com.guitarstudio.lessons.cron;

import com.guitarstudio.lessons.security.SharedSecret;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * CRON_SECRET, the bearer secret of {@code /api/cron/generate-lessons}. Without it the endpoint is
 * open: the service warns at startup and the health report lists it.
 */
@Component
class CronSecret {

    private static final Logger log = LoggerFactory.getLogger(CronSecret.class);

    private final Optional<SharedSecret> secret;

    CronSecret(CronProperties properties) {
        this.secret = SharedSecret.of(properties.secret());
    }

    boolean isSet() {
        return secret.isPresent();
    }

    /** Whether {@code token}, sent as {@code Authorization: Bearer <token>}, is the secret. */
    boolean matches(String token) {
        return secret.map(s -> s.matches(token)).orElse(false);
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenOpen() {
        if (!isSet()) {
            log.warn("CRON_SECRET is not set: anyone who can reach /api/cron/generate-lessons can start lesson"
                    + " generation. Set CRON_SECRET and send it as 'Authorization: Bearer <secret>'.");
        }
    }
}
