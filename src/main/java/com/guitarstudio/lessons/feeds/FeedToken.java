package com.guitarstudio.lessons.feeds;

import com.guitarstudio.lessons.security.Sha256;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret in a feed's link: 32 random bytes (256 bits) as 43 characters of unpadded base64url.
 * The database keeps only its SHA-256 ({@link #hash()}); a token is never logged ({@link #toString()}
 * hides it).
 */
record FeedToken(String value) {

    private static final int BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    static FeedToken random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new FeedToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token in a link, when it has the shape of one; what cannot be a token needs no lookup. */
    static Optional<FeedToken> parse(String text) {
        return text != null && SHAPE.matcher(text).matches() ? Optional.of(new FeedToken(text)) : Optional.empty();
    }

    /** What the database stores and looks up. */
    byte[] hash() {
        return Sha256.of(value);
    }

    @Override
    public String toString() {
        return "FeedToken[******]";
    }
}
