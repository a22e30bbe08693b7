package com.guitarstudio.lessons.security;

import com.guitarstudio.lessons.config.InvalidEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The JWT signing secret: AUTH_SECRET, or NEXTAUTH_SECRET (the name the studio's main app may
 * already use). HS256 needs at least 32 bytes of key; anything shorter is refused.
 */
public final class AuthSecret {

    public static final String VARIABLE = "AUTH_SECRET";
    public static final String ALIAS = "NEXTAUTH_SECRET";
    static final int MINIMUM_BYTES = 32;

    private static final String HOW = "set it to a random secret of at least " + MINIMUM_BYTES
            + " bytes, for example the output of: openssl rand -base64 32";

    private AuthSecret() {}

    /** Checks the secret the environment gives; throws a one-line {@link InvalidEnvironment} if unusable. */
    public static void requireInEnvironment(Map<String, String> environment) {
        String secret = environment.get(VARIABLE);
        String variable = VARIABLE;
        if (secret == null || secret.isBlank()) {
            secret = environment.get(ALIAS);
            variable = secret == null || secret.isBlank() ? VARIABLE : ALIAS;
        }
        require(variable, secret);
    }

    static void require(String variable, String secret) {
        if (secret == null || secret.isBlank()) {
            throw InvalidEnvironment.missing(variable, HOW);
        }
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MINIMUM_BYTES) {
            throw InvalidEnvironment.invalid(variable, "is too short (" + bytes + " bytes): " + HOW);
        }
    }
}
