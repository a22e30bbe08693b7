package com.guitarstudio.lessons;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus's own {@code promtool check metrics} (Debian package {@code prometheus}, which
 * {@code .ci/run} installs), reading an exposition the way the Prometheus server parses a scrape.
 * Missing, it skips the calling test, except in CI ({@code CI=true}), where it fails.
 */
public final class Promtool {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private Promtool() {}

    /**
     * @param parsed the text could be parsed (exit status 0, or 3 for lint findings; 1 is a parse error)
     * @param output what promtool printed: one line per finding, {@code <metric> <problem>}
     */
    public record Result(boolean parsed, String output) {}

    public static Result checkMetrics(String exposition) throws IOException, InterruptedException {
        boolean installed = Files.isExecutable(PROMTOOL);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(PROMTOOL + " is missing (Debian package prometheus); .ci/run installs it");
        }
        Assumptions.assumeTrue(installed, "promtool is not installed here (apt-get install prometheus)");
        Process process = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool did not finish within 30 s");
        }
        int status = process.exitValue();
        return new Result((status == 0 || status == 3) && !output.contains("error while linting"), output);
    }
}
