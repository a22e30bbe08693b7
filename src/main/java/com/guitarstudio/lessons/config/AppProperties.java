package com.guitarstudio.lessons.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param baseUrl APP_BASE_URL (alias NEXTAUTH_URL): where people reach this service, for links that
 *     leave it (alerts)
 */
@ConfigurationProperties("app")
public record AppProperties(String baseUrl) {

    public AppProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : stripTrailingSlash(baseUrl.trim());
        if (HttpUrl.parse(baseUrl).isEmpty()) {
            throw InvalidEnvironment.invalid(
                    "APP_BASE_URL",
                    "is not an http or https URL; set it to the service's public URL, for example https://lessons.example.com");
        }
    }

    /** An absolute link to {@code path} (which starts with a slash) on this service. */
    public String link(String path) {
        return baseUrl + path;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
