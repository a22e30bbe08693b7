package com.guitarstudio.lessons.lessons;

/** A teacher's {@code timezone} is not an IANA zone id this JVM knows. */
class UnknownTimeZone extends RuntimeException {

    private UnknownTimeZone(String message) {
        super(message);
    }

    static UnknownTimeZone of(String zone) {
        return new UnknownTimeZone("unknown time zone '" + zone + "'; use an IANA zone id such as America/Chicago");
    }
}
