package com.guitarstudio.lessons.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Reads an absolute http or https URL with a host, as settings that name one need. */
public final class HttpUrl {

    private HttpUrl() {}

    public static Optional<URI> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.trim());
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
