package com.guitarstudio.lessons.benchmark;

import com.guitarstudio.lessons.LessonRulesInSql;
import com.guitarstudio.lessons.config.DatabaseConnection;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The job as a freshly started service runs it: its first run in a JVM that has run nothing else
 * (256 MB of heap, as the benchmark's own), then a re-run with nothing new, then a run after a tenth
 * of the slots changed their time or price. The benchmark starts it as a process of its own and reads
 * one line: the three times, the peak heap and the lessons' fingerprint after the first run. The database's connection reaches it in the environment, never on the command line.
 *
 * <p>The process starts from a one-line launcher in Java's single-file source mode rather than a
 * {@code main} here: {@code ./mvnw spring-boot:test-run} needs the dev launcher to be the only
 * main class of the tests.
 */
public final class ColdJobRun {

    private static final String RESULT = "cold-job-run ";
    private static final String URL = "BENCH_DATASOURCE_URL";
    private static final String USERNAME = "BENCH_DATASOURCE_USERNAME";
    private static final String PASSWORD = "BENCH_DATASOURCE_PASSWORD";

    private ColdJobRun() {}

    /** Runs the job on {@code database} in a new JVM and reads what it measured. */
    static LessonGenerationBenchmark.ColdJob in(DatabaseConnection database) {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(
                        java, "-Xmx256m", "-cp", classPath, launcher().toString())
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put(URL, database.jdbcUrl());
        if (database.username() != null) {
            environment.put(USERNAME, database.username());
        }
        if (database.password() != null) {
            environment.put(PASSWORD, database.password());
        }
        List<String> output = new ArrayList<>();
        try {
            Process process = builder.start();
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            }
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("The job's own JVM failed:\n" + String.join("\n", output));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the job's own JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the job ran", e);
        }
        String result = output.stream()
                .filter(line -> line.startsWith(RESULT))
                .reduce((first, second) -> second)
                .orElseThrow(
                        () -> new IllegalStateException("The job's JVM said nothing:\n" + String.join("\n", output)));
        String[] parts = result.substring(RESULT.length()).split(" ", 5);
        return new LessonGenerationBenchmark.ColdJob(
                Long.parseLong(parts[0]),
                Long.parseLong(parts[1]),
                Long.parseLong(parts[2]),
                Long.parseLong(parts[3]),
                parts[4]);
    }

    /** A source file whose main calls {@link #measure()}, written once per benchmark. */
    private static Path launcher() {
        try {
            Path source = Path.of("target", "benchmark", "ColdJobRunLauncher.java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, """
                    public class ColdJobRunLauncher {
                        public static void main(String[] args) {
                            %s.measure();
                        }
                    }
                    """.formatted(ColdJobRun.class.getName()));
            return source;
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the job's launcher", e);
        }
    }

    /** In the job's own JVM: measures and prints the result line, then ends the JVM. */
    public static void measure() {
        DatabaseConnection database =
                new DatabaseConnection(System.getenv(URL), System.getenv(USERNAME), System.getenv(PASSWORD));
        try (ConfigurableApplicationContext instance = LessonGenerationBenchmark.start(database)) {
            LessonGenerationService generation = instance.getBean(LessonGenerationService.class);
            LessonGenerationBenchmark.runningClock(instance);
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long full = LessonGenerationBenchmark.timed(generation, true);
            long rerun = LessonGenerationBenchmark.timed(generation, false);
            long peakHeap = LessonGenerationBenchmark.peakHeapMib();
            JdbcClient jdbc = instance.getBean(JdbcClient.class);
            String fingerprint =
                    jdbc.sql(LessonRulesInSql.FINGERPRINT).query(String.class).single();
            LessonGenerationBenchmark.changeATenthOfTheSlots(jdbc);
            long changed = LessonGenerationBenchmark.timedChanges(generation);
            System.out.println(RESULT + full + " " + rerun + " " + changed + " " + peakHeap + " " + fingerprint);
        }
        System.exit(0);
    }
}
