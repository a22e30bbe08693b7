package com.guitarstudio.lessons.alerts;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Posts one alert body to ALERT_WEBHOOK_URL, signed with ALERT_WEBHOOK_SECRET when set: {@code
 * X-Signature-256: sha256=<hex of HMAC-SHA256(body)>}, as GitHub signs its webhooks. One attempt,
 * bounded by the alert timeout for connecting and for the answer.
 */
@Component
class WebhookSender {

    static final String SIGNATURE_HEADER = "X-Signature-256";

    private final AlertProperties properties;
    private final HttpClient client;

    WebhookSender(AlertProperties properties) {
        this.properties = properties;
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** @throws DeliveryFailed saying why, in words for the admin page (never the URL) */
    void send(byte[] body) throws DeliveryFailed {
        HttpRequest.Builder request = HttpRequest.newBuilder(properties.uri())
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "lesson-service")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        properties.basicAuthorization().ifPresent(credentials -> request.header("Authorization", credentials));
        if (properties.webhookSecret() != null) {
            request.header(SIGNATURE_HEADER, "sha256=" + hmacSha256(properties.webhookSecret(), body));
        }
        int status;
        try {
            status = client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailed("no answer within " + properties.timeout().toMillis() + " ms");
        } catch (ConnectException e) {
            throw new DeliveryFailed("could not connect to " + properties.destination());
        } catch (IOException e) {
            throw new DeliveryFailed("the connection to " + properties.destination() + " failed ("
                    + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("interrupted while sending (the service is stopping)");
        }
        if (status < 200 || status > 299) {
            throw new DeliveryFailed("the webhook answered HTTP " + status);
        }
    }

    static String hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    /** One attempt did not deliver the alert; the message says why. */
    static class DeliveryFailed extends Exception {

        DeliveryFailed(String reason) {
            super(reason);
        }
    }
}
