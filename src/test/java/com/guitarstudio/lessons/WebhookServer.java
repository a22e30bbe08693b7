package com.guitarstudio.lessons;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 playing the webhook: it keeps every post and answers 200, 500,
 * or not at all (until it is closed), as a test tells it to. The path holds a token, as Slack's do.
 */
public final class WebhookServer implements AutoCloseable {

    public static final String TOKEN_PATH = "/services/T000/B000/secret-token-in-the-path";

    public enum Answer {
        OK,
        ERROR,
        HANG
    }

    /** A post, with the status it was answered (0: not answered before the server was closed). */
    public record Received(String body, Map<String, String> headers, int answered) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    public WebhookServer(Answer... answers) {
        this.answers.addAll(List.of(answers.length == 0 ? new Answer[] {Answer.OK} : answers));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            // the answer to the n-th post; the last one repeats
            Answer answer = this.answers.get(Math.min(received.size() + 1, this.answers.size()) - 1);
            received.add(new Received(body, headers, answer == Answer.HANG ? 0 : answer == Answer.ERROR ? 500 : 200));
            if (answer == Answer.HANG) {
                try {
                    closing.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(answer == Answer.ERROR ? 500 : 200, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + TOKEN_PATH;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
