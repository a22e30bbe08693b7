package com.guitarstudio.lessons.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.LessonRulesInSql;
import com.guitarstudio.lessons.LessonServiceApplication;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestDatabase;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import com.guitarstudio.lessons.config.DatabaseConnection;
import com.guitarstudio.lessons.generation.GenerationResult;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.health.HealthReports;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The benchmark of the README's Performance section, run with {@code ./mvnw -Pbenchmark verify} (in a JVM limited to
 * 256 MB of heap). Not a test of the normal build: it measures, prints a report
 * ({@code target/benchmark-report.md}) and fails when a target is missed or when the job and the
 * SQL baseline disagree on a single lesson.
 *
 * <p>A studio of {@code bench.teachers} × {@code bench.students} (default 1,000 × 10, one weekly
 * slot per student, teachers in eight zones) is seeded once into a template database; every
 * measured run gets its own copy ({@code CREATE DATABASE … TEMPLATE …}), so each starts from the
 * same rows with an empty {@code lesson} table. Its calendar ({@link StudioFixtures#bulkCalendar}): terms,
 * slots every two to four weeks, a studio closure and teachers' time off. The baseline is one set-based SQL statement that
 * produces the same lessons; baseline and job alternate, after one unmeasured round of each to warm
 * the JVM and the database. Then {@code bench.large.teachers} × 10 (default 100,000 slots) for time
 * and peak heap, and the health report, history API and admin page on that studio.
 */
class LessonGenerationBenchmark {

    private static final int TEACHERS = Integer.getInteger("bench.teachers", 1_000);
    private static final int STUDENTS = Integer.getInteger("bench.students", 10);
    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final int LARGE_TEACHERS = Integer.getInteger("bench.large.teachers", 10_000);
    /** A million slots by default; 0 leaves the phase out. */
    private static final int HUGE_TEACHERS = Integer.getInteger("bench.huge.teachers", 100_000);

    private static final int REQUESTS = 15;

    /** A fixed "now" whose window crosses the spring and autumn changes of both hemispheres. */
    static final Instant NOW = Instant.parse("2027-02-20T12:00:00Z");

    /** The median of the baseline's runs at {@code bench.teachers} × {@code bench.students} slots. */
    private long baselineMillis;

    private final List<String> report = new ArrayList<>();
    private final List<String> missed = new ArrayList<>();

    @Test
    void measure() throws Exception {
        line("# Lesson generation benchmark");
        line("");
        line("- date: " + LocalDate.now(ZoneOffset.UTC) + ", machine: "
                + Runtime.getRuntime().availableProcessors()
                + " cores, " + totalMemoryGib() + " GiB memory, JVM max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, Java " + System.getProperty("java.version"));
        line("- PostgreSQL: " + serverVersion());
        line("");

        String small = template("bench_small", TEACHERS, STUDENTS);
        int slots = TEACHERS * STUDENTS;
        List<Long> baseline = new ArrayList<>();
        List<Long> full = new ArrayList<>();
        List<Long> rerun = new ArrayList<>();
        String expected = null;
        for (int round = 0; round <= RUNS; round++) {
            Measured base = baseline(small);
            Job job = job(small);
            assertThat(job.fingerprint())
                    .as("job and baseline write the same lessons")
                    .isEqualTo(base.fingerprint());
            if (expected == null) {
                expected = base.fingerprint();
            }
            assertThat(base.fingerprint())
                    .as("every round writes the same lessons")
                    .isEqualTo(expected);
            if (round > 0) { // round 0 warms up
                baseline.add(base.millis());
                full.add(job.full());
                rerun.add(job.rerun());
            }
        }
        baselineMillis = median(baseline);
        double ratio = (double) median(full) / median(baseline);
        double rerunRatio = (double) median(rerun) / median(full);
        line("## " + slots + " slots (" + TEACHERS + " teachers × " + STUDENTS + "), median of " + RUNS + " runs");
        line("");
        line("| measurement | median | runs (ms) |");
        line("|---|---|---|");
        line("| SQL baseline (one statement) | " + median(baseline) + " ms | " + baseline + " |");
        line("| job, empty lesson table | " + median(full) + " ms | " + full + " |");
        line("| job again, nothing new to create | " + median(rerun) + " ms | " + rerun + " |");
        line("");
        line("- lessons: " + expected + " (identical rows from job and baseline, every round)");
        target("job / baseline", ratio, 1.5);
        target("re-run / full run", rerunRatio, 0.2);
        line("");

        large();
        if (HUGE_TEACHERS > 0) {
            huge();
        }

        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "benchmark-report.md"), report);
        assertThat(missed).as("targets missed").isEmpty();
    }

    private void large() throws IOException {
        int slots = LARGE_TEACHERS * 10;
        String large = template("bench_large", LARGE_TEACHERS, 10);
        String copy = copyOf(large);
        try (ConfigurableApplicationContext instance = start(copy)) {
            LessonGenerationService generation = instance.getBean(LessonGenerationService.class);
            long millis = firstRun(generation, slots, LARGE_TEACHERS);
            target("job time (s)", millis / 1000.0, 60);
            target("job / ten baselines", (double) millis / (10.0 * baselineMillis), 1.2);

            JdbcClient jdbc = instance.getBean(JdbcClient.class);
            new StudioFixtures(jdbc).signInUsers();
            TestHttp http = new TestHttp(
                    ((WebServerApplicationContext) instance).getWebServer().getPort());
            String admin = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
            HealthReports reports = instance.getBean(HealthReports.class);
            MutableClock clock = instance.getBean(MutableClock.class);
            Timings first = timings(reports, clock, http, admin);
            line("- right after that run: " + first);

            // A week later: the daily run adds one week of lessons to the 1.2 M.
            clock.advance(Duration.ofDays(7));
            long weekStart = System.nanoTime();
            GenerationResult week = generation.run(JobTrigger.SCHEDULE, "benchmark");
            long weekMillis = (System.nanoTime() - weekStart) / 1_000_000;
            // tokens issued a week ago (by the benchmark's clock) have expired
            Timings later = timings(reports, clock, http, http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD));
            line("- a week later, the daily run: " + weekMillis + " ms for " + week.lessonsGenerated()
                    + " lessons; then " + later);
            line("- (medians of " + REQUESTS + " requests after 3 warm-up ones)");
            target("history API, health at most 5 s old (ms)", Math.max(first.history(), later.history()), 200);
            target("admin page, health at most 5 s old (ms)", Math.max(first.page(), later.page()), 200);
        } finally {
            drop(copy);
        }
    }

    /** A million slots: the first run only, its time against a hundred baselines, and its peak heap. */
    private void huge() {
        int slots = HUGE_TEACHERS * 10;
        String huge = template("bench_huge", HUGE_TEACHERS, 10);
        try (ConfigurableApplicationContext instance = start(huge)) {
            long millis = firstRun(instance.getBean(LessonGenerationService.class), slots, HUGE_TEACHERS);
            target("job / a hundred baselines", (double) millis / (100.0 * baselineMillis), 1.2);
        } finally {
            drop(huge);
        }
    }

    /** The first run on a studio of {@code slots}, timed, with the heap's peak; returns milliseconds. */
    private long firstRun(LessonGenerationService generation, int slots, int teachers) {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        GenerationResult result = generation.run(JobTrigger.MANUAL, "benchmark");
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        assertThat(result.status()).isEqualTo(JobStatus.SUCCESS);
        line("## " + slots + " slots (" + teachers + " teachers × 10), max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
        line("");
        line("- job: " + millis + " ms for " + result.lessonsGenerated() + " lessons; peak heap (sum of pool peaks) "
                + peakHeap / (1 << 20) + " MB");
        return millis;
    }

    private record Timings(long health, long history, long page, long coldPage) {

        @Override
        public String toString() {
            return "health report checked afresh " + health
                    + " ms; with the report kept fresh (at most 5 s old): history API "
                    + history + " ms, admin page " + page + " ms; admin page after 5 idle minutes (checks afresh) "
                    + coldPage + " ms";
        }
    }

    /**
     * The health report checked afresh (the clock moved past its maximum age before each), then the
     * history API and the page as an admin who keeps looking gets them (the report reused while
     * younger than 5 s), and the page after nobody looked for five minutes.
     */
    private static Timings timings(HealthReports reports, MutableClock clock, TestHttp http, String admin) {
        String cookie = "lessons_token=" + admin.substring("Bearer ".length());
        long health = medianMillis(() -> {
            clock.advance(Duration.ofSeconds(5));
            return reports.current().issues().size();
        });
        long history = medianMillis(
                () -> status(http.get("/api/admin/background-jobs/history?limit=20", "Authorization", admin)));
        long page = medianMillis(() -> status(http.get("/admin/background-jobs", "Cookie", cookie)));
        long coldPage = medianMillis(() -> {
            clock.advance(Duration.ofMinutes(5));
            return status(http.get("/admin/background-jobs", "Cookie", cookie));
        });
        return new Timings(health, history, page, coldPage);
    }

    private Measured baseline(String template) {
        String copy = copyOf(template);
        try {
            JdbcClient jdbc = JdbcClient.create(dataSource(copy));
            long start = System.nanoTime();
            jdbc.sql(LessonRulesInSql.BASELINE)
                    .param("now", Timestamp.from(NOW))
                    .update();
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Measured(
                    millis,
                    jdbc.sql(LessonRulesInSql.FINGERPRINT).query(String.class).single());
        } finally {
            drop(copy);
        }
    }

    private Job job(String template) {
        String copy = copyOf(template);
        try (ConfigurableApplicationContext instance = start(copy)) {
            LessonGenerationService generation = instance.getBean(LessonGenerationService.class);
            long full = timed(generation, true);
            long rerun = timed(generation, false);
            String fingerprint = instance.getBean(JdbcClient.class)
                    .sql(LessonRulesInSql.FINGERPRINT)
                    .query(String.class)
                    .single();
            return new Job(full, rerun, fingerprint);
        } finally {
            drop(copy);
        }
    }

    private static long timed(LessonGenerationService generation, boolean expectLessons) {
        long start = System.nanoTime();
        GenerationResult result = generation.run(JobTrigger.MANUAL, "benchmark");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(result.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(result.lessonsGenerated() > 0).isEqualTo(expectLessons);
        return millis;
    }

    /** A migrated, seeded, analysed database to copy from. */
    private String template(String name, int teachers, int students) {
        TestDatabase.executeOnServer("drop database if exists " + name + " with (force)");
        TestDatabase.executeOnServer("create database " + name);
        try (ConfigurableApplicationContext instance = start(name)) {
            JdbcClient jdbc = instance.getBean(JdbcClient.class);
            new StudioFixtures(jdbc).bulk("b", teachers, students);
            new StudioFixtures(jdbc).bulkCalendar();
            jdbc.sql("vacuum analyze").update();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
        return name;
    }

    private static String copyOf(String template) {
        String copy = template + "_copy";
        drop(copy);
        TestDatabase.executeOnServer("create database " + copy + " template " + template);
        return copy;
    }

    private static void drop(String database) {
        TestDatabase.executeOnServer("drop database if exists " + database + " with (force)");
    }

    private static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(LessonServiceApplication.class, FixedClock.class)
                .properties(TestDatabase.connection().withDatabase(database).asDataSourceProperties())
                .run(
                        "--server.port=0",
                        "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off",
                        "--app.health.max-age=5s");
    }

    private static DataSource dataSource(String database) {
        return dataSource(TestDatabase.connection().withDatabase(database));
    }

    private static DataSource dataSource(DatabaseConnection connection) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(connection.jdbcUrl());
        dataSource.setUsername(connection.username());
        dataSource.setPassword(connection.password());
        return dataSource;
    }

    private static String serverVersion() {
        return JdbcClient.create(dataSource(TestDatabase.connection()))
                .sql("show server_version")
                .query(String.class)
                .single();
    }

    private static long medianMillis(Supplier<Integer> request) {
        for (int i = 0; i < 3; i++) {
            request.get();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            request.get();
            times.add((System.nanoTime() - start) / 1_000_000);
        }
        return median(times);
    }

    private static int status(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return response.statusCode();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private void target(String what, double value, double limit) {
        boolean met = value <= limit;
        line(String.format(
                Locale.ENGLISH, "- **%s: %.2f** (target ≤ %s) %s", what, value, limit, met ? "met" : "MISSED"));
        if (!met) {
            missed.add(what);
        }
    }

    private void line(String text) {
        System.out.println(text);
        report.add(text);
    }

    private static long totalMemoryGib() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize()
                / (1L << 30);
    }

    private record Measured(long millis, String fingerprint) {}

    private record Job(long full, long rerun, String fingerprint) {}

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        @Primary
        MutableClock benchmarkClock() {
            return new MutableClock(NOW);
        }
    }
}
