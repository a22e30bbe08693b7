package com.guitarstudio.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The service as a process of its own (the packaged jar, or the image's layout), for the tests of
 * the integration-test phase: started with its output in a log file, awaited until it answers,
 * stopped with SIGTERM as an orchestrator stops it.
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ServiceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code builder}'s command, its output (and errors) going to a fresh log file. */
    static ServiceProcess start(ProcessBuilder builder) throws IOException {
        Path log = Files.createTempFile("lesson-service", ".log");
        return new ServiceProcess(
                builder.redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
    }

    /** Waits until {@code path} answers 200 on {@code port}; fails at once if the process exits. */
    void awaitAnswering(int port, String path) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .failFast("the service exited; its log: " + log, () -> !process.isAlive())
                .untilAsserted(() -> assertThat(http.send(request, HttpResponse.BodyHandlers.ofString())
                                .statusCode())
                        .isEqualTo(200));
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM, as an orchestrator stops a container; returns at once. */
    void terminate() {
        process.destroy();
    }

    /** The exit code, once the process has exited within a minute; null if it has not. */
    Integer exitCode() throws InterruptedException {
        return process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : null;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** The packaged application, built before the integration-test phase. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("application.jar", "target/lesson-service.jar"));
        assertThat(jar)
                .as("packaged application (run in the integration-test phase)")
                .exists();
        return jar;
    }

    /** The java of the JVM running the tests. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
