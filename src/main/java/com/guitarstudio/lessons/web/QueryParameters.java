package com.guitarstudio.lessons.web;

import java.util.Optional;
import java.util.UUID;

/** Query parameters read one way everywhere: absent means the default, anything else is checked. */
public final class QueryParameters {

    private QueryParameters() {}

    /**
     * {@code value} as a whole number from {@code min} to {@code max} ({@link Long#MAX_VALUE}: no upper
     * bound); {@code absent} when blank.
     *
     * @throws InvalidRequest naming the parameter and the range
     */
    public static long wholeNumber(String parameter, String value, long min, long max, long absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        String range = max == Long.MAX_VALUE ? "from " + min + " on" : "from " + min + " to " + max;
        throw new InvalidRequest(
                parameter,
                "Query parameter '" + parameter + "' must be a whole number " + range + ", not '"
                        + InvalidRequest.shown(value) + "'");
    }

    /**
     * {@code value} as an id in its canonical form; null when blank.
     *
     * @throws InvalidRequest naming the parameter
     */
    public static UUID id(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Optional<UUID> id = canonicalId(value.strip());
        if (id.isPresent()) {
            return id.get();
        }
        throw new InvalidRequest(
                parameter,
                "Query parameter '" + parameter + "' must be an id like 3f2c1d9e-8a4b-4c6d-9e0f-1a2b3c4d5e6f, not '"
                        + InvalidRequest.shown(value) + "'");
    }

    /**
     * {@code text} as an id when it is one in its canonical form (36 characters, either case); empty
     * for anything else, also for what {@link UUID#fromString} would still read (no leading zeros).
     */
    public static Optional<UUID> canonicalId(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
