package com.guitarstudio.lessons.config;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HTTP endpoint the service posts JSON to: the alerts' (ALERT_WEBHOOK_URL) and the lesson events'
 * (LESSON_WEBHOOK_URL), each with its own settings. A post is signed when a secret is set: {@code
 * X-Signature-256: sha256=<hex of HMAC-SHA256(body)>}, as GitHub signs its webhooks. A user and
 * password in the URL are sent as Basic authentication (HTTP clients do not send them by
 * themselves). The URL often holds a token (Slack's does), so it is never logged or shown whole: see
 * {@link #destination()}. One {@link #send} is one attempt; retrying is the caller's.
 */
public final class Webhook {

    public static final String SIGNATURE_HEADER = "X-Signature-256";

    private final URI uri;
    private final String authorization;
    private final String secret;
    private final Duration timeout;
    private final String destination;
    private final HttpClient client;

    /**
     * @param url an http or https URL (checked by the settings that hold it)
     * @param secret the HMAC key, or null to send unsigned
     * @param timeout how long connecting, and then the answer, may take
     */
    public Webhook(String url, String secret, Duration timeout) {
        URI parsed = HttpUrl.parse(url).orElseThrow(() -> new IllegalArgumentException("not an http or https URL"));
        this.uri = URI.create(parsed.toString().replaceFirst("//[^/@]*@", "//"));
        this.authorization = parsed.getUserInfo() == null
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString(parsed.getUserInfo().getBytes(StandardCharsets.UTF_8));
        this.secret = secret;
        this.timeout = timeout;
        this.destination = destination(url);
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The URL without its path and query, which often hold a token: {@code https://hooks.slack.com/…}. */
    public String destination() {
        return destination;
    }

    /** {@link #destination()} of {@code url}, or null when it is not an http or https URL. */
    public static String destination(String url) {
        return HttpUrl.parse(url)
                .map(uri ->
                        uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/…")
                .orElse(null);
    }

    /**
     * Posts {@code body} (JSON) once.
     *
     * @throws DeliveryFailed saying why, in words for the admin page (never the URL)
     */
    public void send(byte[] body) throws DeliveryFailed {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "lesson-service")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (secret != null) {
            request.header(SIGNATURE_HEADER, "sha256=" + hmacSha256(secret, body));
        }
        int status;
        try {
            status = client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailed("no answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            throw new DeliveryFailed("could not connect to " + destination);
        } catch (IOException e) {
            throw new DeliveryFailed("the connection to " + destination + " failed ("
                    + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("interrupted while sending (the service is stopping)");
        }
        if (status < 200 || status > 299) {
            throw new DeliveryFailed("the webhook answered HTTP " + status);
        }
    }

    /** The hex HMAC-SHA256 of {@code body} with {@code secret}: what {@code X-Signature-256} carries. */
    public static String hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    /** One attempt did not deliver; the message says why. */
    public static class DeliveryFailed extends Exception {

        public DeliveryFailed(String reason) {
            super(reason);
        }
    }
}
