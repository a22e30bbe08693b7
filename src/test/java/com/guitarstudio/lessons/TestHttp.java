package com.guitarstudio.lessons;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against the running test server: no redirects followed, no cookies kept, every header
 * explicit, so tests see exactly what a browser, curl or a cron service would.
 */
public final class TestHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;

    public TestHttp(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public HttpResponse<String> post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return send("POST", path, json, concat(headers, "Content-Type", "application/json"));
    }

    public HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in through {@code POST /api/auth/token}; returns the {@code Authorization} header value. */
    public String bearerFor(String email, String password) {
        HttpResponse<String> response =
                postJson("/api/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "Sign-in of " + email + " answered " + response.statusCode() + ": " + response.body());
        }
        return bearer(json(response).get("token").asString());
    }

    /**
     * A page with a form, as a browser holds it: the form's CSRF field and the cookies to send back
     * with the post ({@code cookies} given, plus the ones the page set).
     */
    public Form form(String path, String cookies) {
        HttpResponse<String> page = cookies.isEmpty() ? get(path) : get(path, "Cookie", cookies, "Accept", "text/html");
        Matcher csrf = CSRF_FIELD.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("No CSRF field on " + path + ": " + page.statusCode());
        }
        StringBuilder all = new StringBuilder(cookies);
        for (String cookie : page.headers().allValues("Set-Cookie")) {
            all.append(all.isEmpty() ? "" : "; ").append(cookie, 0, cookie.indexOf(';'));
        }
        return new Form(csrf.group(1), all.toString());
    }

    /** Posts {@code fields} (already encoded, {@code a=1&b=2}) with the form's CSRF token and cookies. */
    public HttpResponse<String> submit(String path, Form form, String fields, String... headers) {
        String body = (fields.isEmpty() ? "" : fields + "&") + "_csrf="
                + URLEncoder.encode(form.csrf(), StandardCharsets.UTF_8);
        return post(
                path,
                body,
                concat(headers, "Content-Type", "application/x-www-form-urlencoded", "Cookie", form.cookies()));
    }

    public record Form(String csrf, String cookies) {}

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The field names of a JSON object, in order. */
    public static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String[] concat(String[] headers, String... more) {
        String[] all = Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }
}
