package com.guitarstudio.lessons.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Guards {@code /api/cron/generate-lessons}: with CRON_SECRET set, only {@code Authorization: Bearer
 * <CRON_SECRET>} passes. The comparison is constant-time over SHA-256 digests, so neither the
 * content nor the length of the secret leaks through timing. Without CRON_SECRET the endpoint is
 * open; the service warns at startup and the health report lists it.
 */
@Component
public class CronSecret {

    private static final Logger log = LoggerFactory.getLogger(CronSecret.class);
    private static final String BEARER = "Bearer ";

    private final byte[] digest;

    CronSecret(CronProperties properties) {
        String secret = properties.secret();
        this.digest = secret == null || secret.isBlank() ? null : sha256(secret);
    }

    public boolean isSet() {
        return digest != null;
    }

    /** Whether a request with this Authorization header may run the job. */
    public boolean accepts(String authorization) {
        if (digest == null) {
            return true;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        String presented = authorization.substring(BEARER.length()).trim();
        return !presented.isEmpty() && MessageDigest.isEqual(sha256(presented), digest);
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenOpen() {
        if (!isSet()) {
            log.warn("CRON_SECRET is not set: anyone who can reach /api/cron/generate-lessons can start lesson"
                    + " generation. Set CRON_SECRET and send it as 'Authorization: Bearer <secret>'.");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
