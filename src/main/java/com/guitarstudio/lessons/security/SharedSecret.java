package com.guitarstudio.lessons.security;

import java.security.MessageDigest;
import java.util.Optional;

/**
 * A secret that callers prove by sending it (the cron secret, say). Compared in constant time over
 * SHA-256 digests, so neither the content nor the length of the secret leaks through timing; only
 * the digest is kept.
 */
public final class SharedSecret {

    private final byte[] digest;

    private SharedSecret(byte[] digest) {
        this.digest = digest;
    }

    /** The secret, or empty when {@code secret} is unset or blank. */
    public static Optional<SharedSecret> of(String secret) {
        return secret == null || secret.isBlank() ? Optional.empty() : Optional.of(new SharedSecret(Sha256.of(secret)));
    }

    public boolean matches(String presented) {
        return presented != null && !presented.isEmpty() && MessageDigest.isEqual(Sha256.of(presented), digest);
    }

    @Override
    public String toString() {
        return "SharedSecret[******]";
    }
}
