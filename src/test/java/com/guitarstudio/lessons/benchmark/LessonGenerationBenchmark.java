package com.guitarstudio.lessons.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.guitarstudio.lessons.LessonRulesInSql;
import com.guitarstudio.lessons.LessonServiceApplication;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestDatabase;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import com.guitarstudio.lessons.config.DatabaseConnection;
import com.guitarstudio.lessons.generation.GenerationPreview;
import com.guitarstudio.lessons.generation.GenerationResult;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark of docs/performance.md, run with {@code ./mvnw -Pbenchmark verify} (in a JVM limited to
 * 256 MB of heap). Not a test of the normal build: it measures, prints one table of results against
 * their targets (also to {@code target/benchmark-report.md}) and fails when a target is missed or
 * when the job and the SQL baseline disagree on a single lesson.
 *
 * <p>A studio of {@code bench.teachers} × {@code bench.students} (default 1,000 × 10, one weekly
 * slot per student, teachers in eight zones) is seeded once into a template database; every
 * measured run gets its own copy ({@code CREATE DATABASE … TEMPLATE …}), so each starts from the
 * same rows with an empty {@code lesson} table. Its calendar ({@link StudioFixtures#bulkCalendar}): terms,
 * slots every two to four weeks, a studio closure and teachers' time off; its hard cases ({@link
 * StudioFixtures#bulkEdges}): times in daylight-saving gaps and overlaps, and slots that must get no
 * lessons (inactive teacher or student, moved student, suspended slot, a zone that is not one). The
 * baseline is one set-based SQL statement that produces the same lessons; the rows of job and
 * baseline are compared at 10,000 slots every round and at 100,000 slots once. Baseline and job alternate, after one unmeasured round of each; the job
 * runs as a freshly started service's first run would, in a JVM of its own ({@link ColdJobRun}),
 * so no earlier round has warmed its code. Then {@code bench.large.teachers} × 10 (default 100,000
 * slots) and {@code bench.huge.teachers} × 10 (default a million) for time and peak heap, and the
 * history API and admin page on the 100,000-slot studio, the first request of each included.
 */
class LessonGenerationBenchmark {

    private static final int TEACHERS = Integer.getInteger("bench.teachers", 1_000);
    private static final int STUDENTS = Integer.getInteger("bench.students", 10);
    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final int LARGE_TEACHERS = Integer.getInteger("bench.large.teachers", 10_000);
    /** A million slots by default; 0 leaves the phase out. */
    private static final int HUGE_TEACHERS = Integer.getInteger("bench.huge.teachers", 100_000);

    private static final int REQUESTS = 15;

    /** How long nobody asks before a cold request: longer than a costly health report is kept warm. */
    private static final Duration IDLE = Duration.ofMinutes(5).plusSeconds(10);

    /** A fixed "now" whose window crosses the spring and autumn changes of both hemispheres. */
    static final Instant NOW = Instant.parse("2027-02-20T12:00:00Z");

    /** The median of the baseline's runs at {@code bench.teachers} × {@code bench.students} slots. */
    private long baselineMillis;

    /** The median peak heap of the job's JVM at {@code bench.teachers} × {@code bench.students} slots. */
    private long smallPeakHeapMib;

    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> missed = new ArrayList<>();

    @Test
    void measure() throws Exception {
        small();
        large();
        if (HUGE_TEACHERS > 0) {
            huge();
        }

        List<String> report = new ArrayList<>();
        report.add("# Lesson generation benchmark");
        report.add("");
        report.add("On " + LocalDate.now(ZoneOffset.UTC) + ": "
                + Runtime.getRuntime().availableProcessors()
                + " cores, " + totalMemoryGib() + " GiB memory, PostgreSQL " + serverVersion() + ", Java "
                + System.getProperty("java.version") + ", JVM max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MB.");
        report.add("");
        report.add("| measurement | result | target | |");
        report.add("|---|---|---|---|");
        report.addAll(rows);
        report.add("");
        report.addAll(notes);
        report.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "benchmark-report.md"), report);
        assertThat(missed).as("targets missed").isEmpty();
    }

    /** The job against the baseline, each from an empty lesson table, round after round. */
    private void small() {
        String small = template("bench_small", TEACHERS, STUDENTS);
        String slots = String.format(Locale.ENGLISH, "%,d slots", TEACHERS * STUDENTS);
        List<Long> baseline = new ArrayList<>();
        List<Long> full = new ArrayList<>();
        List<Long> rerun = new ArrayList<>();
        List<Long> changed = new ArrayList<>();
        List<Long> heap = new ArrayList<>();
        String expected = null;
        for (int round = 0; round <= RUNS; round++) {
            Measured base = baseline(small);
            ColdJob job = coldJob(small);
            assertThat(job.fingerprint())
                    .as("job and baseline write the same lessons")
                    .isEqualTo(base.fingerprint());
            if (expected == null) {
                expected = base.fingerprint();
            }
            assertThat(base.fingerprint())
                    .as("every round writes the same lessons")
                    .isEqualTo(expected);
            if (round > 0) { // round 0 warms the database up
                baseline.add(base.millis());
                full.add(job.full());
                rerun.add(job.rerun());
                changed.add(job.changed());
                heap.add(job.peakHeapMib());
            }
        }
        baselineMillis = median(baseline);
        result(slots + ": SQL baseline, one statement", median(baseline) + " ms");
        result(slots + ": the job, first run of a fresh JVM, empty `lesson` table", median(full) + " ms");
        target("job / SQL baseline", (double) median(full) / median(baseline), 1.0);
        target("re-run over an unchanged studio / full run", (double) median(rerun) / median(full), 0.2);
        target(
                "run after a tenth of the slots changed time or price / full run",
                (double) median(changed) / median(full),
                0.5);
        result(slots + ": peak heap of the job's JVM", median(heap) + " MB");
        smallPeakHeapMib = median(heap);
        notes.add("- " + slots + ", medians of " + RUNS + " rounds: baseline " + baseline + " ms, job " + full
                + " ms, re-run " + rerun + " ms, after a tenth of the slots changed " + changed + " ms; every round "
                + expected
                + ", the same rows from job and baseline.");
    }

    private void large() throws IOException, InterruptedException {
        int slots = LARGE_TEACHERS * 10;
        String large = template("bench_large", LARGE_TEACHERS, 10);
        String copy = copyOf(large);
        try (ConfigurableApplicationContext instance = start(copy)) {
            LessonGenerationService generation = instance.getBean(LessonGenerationService.class);
            MutableClock clock = runningClock(instance);
            long since = System.nanoTime();
            long previewStart = System.nanoTime();
            GenerationPreview preview = generation.preview();
            long previewMillis = (System.nanoTime() - previewStart) / 1_000_000;
            FirstRun first = firstRun(generation, slots);
            long millis = first.millis();
            assertThat(preview.lessonsToGenerate())
                    .as("the preview predicted the run")
                    .isEqualTo(first.result().lessonsGenerated());
            result(
                    String.format(Locale.ENGLISH, "%,d slots: the preview of that run", slots),
                    String.format(
                            Locale.ENGLISH, "%,d ms for %,d lessons", previewMillis, preview.lessonsToGenerate()));
            target("preview / ten baselines", (double) previewMillis / (10.0 * baselineMillis), 1.5);
            target(String.format(Locale.ENGLISH, "%,d slots: the job's time (s)", slots), millis / 1000.0, 60);
            target("job / ten baselines", (double) millis / (10.0 * baselineMillis), 1.2);
            target(
                    "peak heap at 100,000 slots / at 10,000 (memory does not grow with the studio)",
                    (double) first.peakHeapMib() / smallPeakHeapMib,
                    1.5);

            JdbcClient jdbc = instance.getBean(JdbcClient.class);
            new StudioFixtures(jdbc).signInUsers();
            TestHttp http = new TestHttp(
                    ((WebServerApplicationContext) instance).getWebServer().getPort());
            String admin = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
            String cookie = "lessons_token=" + admin.substring("Bearer ".length());
            Supplier<Integer> signIn = () -> status(http.get("/login"));
            Supplier<Integer> history =
                    () -> status(http.get("/api/admin/background-jobs/history?limit=20", "Authorization", admin));
            Supplier<Integer> page = () -> status(http.get("/admin/background-jobs", "Cookie", cookie));
            result(
                    "a new instance's first requests: sign-in page, history API, admin page (then its 2nd, 3rd)",
                    millisOf(signIn) + ", " + millisOf(history) + ", " + millisOf(page) + " (" + millisOf(page) + ", "
                            + millisOf(page) + ") ms");
            List<Long> minute = theMinuteAfter(first.endedAt(), page);
            result(
                    "the admin page in the minute after that run (autovacuum and the health refresh at work)",
                    String.format(
                            Locale.ENGLISH,
                            "%d requests, median %d ms, slowest %d ms",
                            minute.size(),
                            median(minute),
                            Collections.max(minute)));
            target("admin page in the minute after the run, median (ms)", median(minute), 100);

            String jobRows =
                    jdbc.sql(LessonRulesInSql.FINGERPRINT).query(String.class).single();
            String baselineRows = baseline(large, "_baseline").fingerprint();
            assertThat(jobRows)
                    .as("job and baseline write the same lessons at 100,000 slots")
                    .isEqualTo(baselineRows);
            notes.add("- " + String.format(Locale.ENGLISH, "%,d", slots) + " slots: " + jobRows
                    + ", the same rows from job and baseline.");
            target("history API, median (ms)", medianMillis(history), 100);
            target("admin page, median (ms)", medianMillis(page), 100);
            Timer checks = instance.getBean(MeterRegistry.class)
                    .get("lessons.health.report")
                    .timer();
            List<Long> coldHistory = new ArrayList<>();
            List<Long> coldPage = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                // Nobody asks for longer than a costly report is kept warm for: the clock jumps, and
                // the background refresh gets the one report it would have made by then (if any).
                long reports = checks.count();
                clock.advance(IDLE);
                awaitReport(checks, reports);
                coldHistory.add(millisOf(history));
                clock.advance(IDLE);
                awaitReport(checks, checks.count());
                coldPage.add(millisOf(page));
            }
            target(
                    "history API, cold: nobody asked for 5 minutes (ms, slowest of 3)",
                    Collections.max(coldHistory),
                    100);
            target("admin page, cold: nobody asked for 5 minutes (ms, slowest of 3)", Collections.max(coldPage), 100);

            UUID runId = first.result().jobLogId();
            Supplier<Integer> runPage =
                    () -> status(http.get("/admin/background-jobs/runs/" + runId, "Cookie", cookie));
            Supplier<Integer> runApi = () ->
                    status(http.get("/api/admin/background-jobs/runs/" + runId + "?size=100", "Authorization", admin));
            long runPageFirst = millisOf(runPage);
            long runApiFirst = millisOf(runApi);
            result("the run's page and API, first requests", runPageFirst + ", " + runApiFirst + " ms");
            target(
                    String.format(Locale.ENGLISH, "the run's page (%,d teachers), median (ms)", LARGE_TEACHERS),
                    medianMillis(runPage),
                    500);
            target("the run's API, median (ms)", medianMillis(runApi), 500);
            calendarFeed(jdbc, http, admin, clock.instant());

            // A week later: the daily run adds one week of lessons to the 1.2 M.
            clock.advance(Duration.ofDays(7));
            long weekStart = System.nanoTime();
            GenerationResult week = generation.run(JobTrigger.SCHEDULE, "benchmark");
            long weekMillis = (System.nanoTime() - weekStart) / 1_000_000;
            result(
                    "the daily run a week later",
                    String.format(Locale.ENGLISH, "%,d ms for %,d lessons", weekMillis, week.lessonsGenerated()));
            // tokens issued a week ago (by the benchmark's clock) have expired
            String later = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
            String laterCookie = "lessons_token=" + later.substring("Bearer ".length());
            target(
                    "then the admin page, median (ms)",
                    medianMillis(() -> status(http.get("/admin/background-jobs", "Cookie", laterCookie))),
                    100);
            double seconds = (System.nanoTime() - since) / 1e9;
            result(
                    "the background health refresh meanwhile",
                    String.format(
                            Locale.ENGLISH,
                            "%d reports in %.0f s, %.0f ms each on average (%.0f %% of one core's time)",
                            checks.count(),
                            seconds,
                            checks.mean(TimeUnit.MILLISECONDS),
                            100 * checks.totalTime(TimeUnit.SECONDS) / seconds));
            deliverTheBacklog(copy, jdbc);
        } finally {
            drop(copy);
        }
    }

    /**
     * A teacher's calendar feed with 500 lessons from 30 days back to the horizon, on the 100,000-slot
     * studio (about 1.2 M lessons): the teacher's own lessons plus one-off lessons added to make 500.
     */
    private void calendarFeed(JdbcClient jdbc, TestHttp http, String admin, Instant now) {
        UUID teacher = jdbc.sql("select id from teacher_profile where is_active order by id limit 1")
                .query(UUID.class)
                .single();
        // the feed's window: from 30 days before today (UTC) to two days past the horizon
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String inWindow =
                "select count(*) from lesson where teacher_id = :teacher and start_at >= :from and start_at < :to";
        Supplier<Long> count = () -> jdbc.sql(inWindow)
                .param("teacher", teacher)
                .param("from", today.minusDays(30).atStartOfDay().atOffset(ZoneOffset.UTC))
                .param("to", today.plusWeeks(12).plusDays(2).atStartOfDay().atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
        long own = count.get();
        jdbc.sql("""
                        insert into lesson (teacher_id, student_id, start_at, duration_minutes, status, timezone, price)
                        select t.id, (select s.id from student_profile s where s.teacher_id = t.id limit 1),
                               :now + make_interval(hours => 3 * n::int, mins => 7), 45, 'SCHEDULED', t.timezone, 3000
                        from teacher_profile t, generate_series(1, :extra) n
                        where t.id = :teacher
                        """)
                .param("teacher", teacher)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("extra", (int) (500 - own))
                .update();
        assertThat(count.get()).isEqualTo(500);
        String url = TestHttp.json(http.postJson(
                        "/api/admin/calendar-feeds", "{\"teacherId\":\"" + teacher + "\"}", "Authorization", admin))
                .get("url")
                .asString();
        String path = URI.create(url).getPath();
        HttpResponse<String> first = http.get(path);
        assertThat(first.body().split("BEGIN:VEVENT", -1)).hasSize(501);
        long firstMillis = millisOf(() -> status(http.get(path)));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        result(
                "a teacher's calendar feed, 500 lessons",
                String.format(
                        Locale.ENGLISH,
                        "%,d bytes; a request %d ms; unchanged (304) %d ms",
                        first.body().getBytes(StandardCharsets.UTF_8).length,
                        firstMillis,
                        medianMillis(() -> {
                            int status = http.get(path, "If-None-Match", etag).statusCode();
                            assertThat(status).isEqualTo(304);
                            return status;
                        })));
        target(
                "a teacher's calendar feed of 500 lessons, median (ms)",
                medianMillis(() -> status(http.get(path))),
                200);
    }

    /**
     * The instance's clock, running from {@link #NOW} on: the background health refresh does its work
     * during the runs, as in production. No lesson of the window starts within an hour after {@code
     * NOW}, so a run started seconds later writes the same rows.
     */
    static MutableClock runningClock(ConfigurableApplicationContext instance) {
        MutableClock clock = instance.getBean(MutableClock.class);
        clock.run();
        return clock;
    }

    /**
     * Every event the 100,000-slot studio's runs wrote (a backlog of about 900,000) delivered by a
     * second instance with LESSON_WEBHOOK_URL set, to a receiver on this machine that reads each post
     * and answers 200: events per second, from the instance's start to the last acknowledged id.
     */
    private void deliverTheBacklog(String database, JdbcClient jdbc) throws IOException {
        long events =
                jdbc.sql("select count(*) from lesson_event").query(Long.class).single();
        long lastId =
                jdbc.sql("select max(id) from lesson_event").query(Long.class).single();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        long start = System.nanoTime();
        try (ConfigurableApplicationContext pushing = start(
                TestDatabase.connection().withDatabase(database),
                "--app.lesson-events.webhook-url=http://127.0.0.1:"
                        + receiver.getAddress().getPort() + "/events",
                "--app.lesson-events.webhook-secret=benchmark-signing-secret",
                "--app.lesson-events.poll-every=PT0.1S")) {
            await().atMost(Duration.ofMinutes(15))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> jdbc.sql("select last_delivered_id from lesson_event_delivery where name = 'webhook'")
                                    .query(Long.class)
                                    .single()
                            == lastId);
        } finally {
            receiver.stop(0);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        result(
                "lesson events: the backlog delivered to LESSON_WEBHOOK_URL on this machine",
                String.format(Locale.ENGLISH, "%,d events in %.1f s (instance start included)", events, seconds));
        double perSecond = events / seconds;
        boolean met = perSecond >= 20_000;
        row(String.format(
                Locale.ENGLISH,
                "| lesson events delivered per second | **%,.0f** | ≥ 20,000 | %s |",
                perSecond,
                met ? "met" : "MISSED"));
        if (!met) {
            missed.add("lesson events delivered per second");
        }
    }

    /** A million slots: the first run only, its time against a hundred baselines, and its peak heap. */
    private void huge() {
        int slots = HUGE_TEACHERS * 10;
        String huge = template("bench_huge", HUGE_TEACHERS, 10);
        try (ConfigurableApplicationContext instance = start(huge)) {
            runningClock(instance);
            long millis = firstRun(instance.getBean(LessonGenerationService.class), slots)
                    .millis();
            target("job / a hundred baselines", (double) millis / (100.0 * baselineMillis), 1.2);
        } finally {
            drop(huge);
        }
    }

    /** The first run on a studio of {@code slots}, timed, with the heap's peak. */
    private FirstRun firstRun(LessonGenerationService generation, int slots) {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        GenerationResult result = generation.run(JobTrigger.MANUAL, "benchmark");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertRanAsExpected(result);
        long peakHeap = peakHeapMib();
        long endedAt = System.nanoTime();
        result(
                String.format(Locale.ENGLISH, "%,d slots: the job's first run", slots),
                String.format(
                        Locale.ENGLISH,
                        "%,d ms for %,d lessons, peak heap %d MB",
                        millis,
                        result.lessonsGenerated(),
                        peakHeap));
        return new FirstRun(result, millis, peakHeap, endedAt);
    }

    /** @param endedAt {@link System#nanoTime()} when the run returned */
    private record FirstRun(GenerationResult result, long millis, long peakHeapMib, long endedAt) {}

    /**
     * The page as an admin who keeps looking sees it in the minute after a large run ended ({@code
     * endedAt}, nanoTime): a request every two seconds (paced, not as fast as possible), while
     * autovacuum works through the new rows and the health refresh reads them.
     */
    private static List<Long> theMinuteAfter(long endedAt, Supplier<Integer> page) throws InterruptedException {
        List<Long> times = new ArrayList<>();
        long end = endedAt + Duration.ofMinutes(1).toNanos();
        for (long next = System.nanoTime();
                next < end;
                next += Duration.ofSeconds(2).toNanos()) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            times.add(millisOf(page));
        }
        return times;
    }

    /**
     * Every teacher processed but those whose zone is not a zone ({@link StudioFixtures#bulkEdges}),
     * each of them an error: PARTIAL, or SUCCESS where the studio happens to have none.
     */
    static void assertRanAsExpected(GenerationResult result) {
        assertThat(result.status()).isIn(JobStatus.SUCCESS, JobStatus.PARTIAL);
        assertThat(result.errors())
                .allSatisfy(error -> assertThat(error).contains("unknown time zone 'Mars/Olympus_Mons'"));
    }

    /** The sum of the heap pools' peaks since they were last reset, in MiB. */
    static long peakHeapMib() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(pool -> pool.getType() == MemoryType.HEAP)
                        .mapToLong(pool -> pool.getPeakUsage().getUsed())
                        .sum()
                / (1 << 20);
    }

    private Measured baseline(String template) {
        return baseline(template, "_copy");
    }

    /** The baseline statement on a copy of {@code template} named with {@code suffix}, timed. */
    private Measured baseline(String template, String suffix) {
        String copy = copyOf(template, suffix);
        try {
            DataSource dataSource = dataSource(copy);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            long start = System.nanoTime();
            // with the lessons' events, as the job writes them
            transaction.executeWithoutResult(status -> {
                jdbc.sql(LessonRulesInSql.AS_A_RUN).query().singleRow();
                jdbc.sql(LessonRulesInSql.BASELINE)
                        .param("now", Timestamp.from(NOW))
                        .update();
            });
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Measured(
                    millis,
                    jdbc.sql(LessonRulesInSql.FINGERPRINT).query(String.class).single());
        } finally {
            drop(copy);
        }
    }

    /** The job's first run and a re-run on a copy of {@code template}, in a JVM of their own. */
    private static ColdJob coldJob(String template) {
        String copy = copyOf(template);
        try {
            return ColdJobRun.in(TestDatabase.connection().withDatabase(copy));
        } finally {
            drop(copy);
        }
    }

    static long timed(LessonGenerationService generation, boolean expectLessons) {
        long start = System.nanoTime();
        GenerationResult result = generation.run(JobTrigger.MANUAL, "benchmark");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertRanAsExpected(result);
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
            new StudioFixtures(jdbc).bulkEdges();
            jdbc.sql("vacuum analyze").update();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
        return name;
    }

    private static String copyOf(String template) {
        return copyOf(template, "_copy");
    }

    private static String copyOf(String template, String suffix) {
        String copy = template + suffix;
        drop(copy);
        TestDatabase.executeOnServer("create database " + copy + " template " + template);
        return copy;
    }

    private static void drop(String database) {
        TestDatabase.executeOnServer("drop database if exists " + database + " with (force)");
    }

    private static ConfigurableApplicationContext start(String database) {
        return start(TestDatabase.connection().withDatabase(database));
    }

    /** The service on {@code database}, with the benchmark's clock standing at {@link #NOW}. */
    static ConfigurableApplicationContext start(DatabaseConnection database, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off",
                "--app.health.max-age=5s"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(LessonServiceApplication.class, FixedClock.class)
                .properties(database.asDataSourceProperties())
                .run(arguments.toArray(String[]::new));
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

    /**
     * Waits (30 s at most) until the health refresh has finished a report it started after the
     * clock moved: two more than {@code reports}, as one may have been under way when it moved.
     */
    private static void awaitReport(Timer checks, long reports) {
        try {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> checks.count() >= reports + 2);
        } catch (ConditionTimeoutException e) {
            // no refresh: the next request checks for itself, as it would after those minutes
        }
    }

    /** One request, timed. */
    private static long millisOf(Supplier<Integer> request) {
        long start = System.nanoTime();
        request.get();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The median of {@value #REQUESTS} requests after 3 unmeasured ones. */
    private static long medianMillis(Supplier<Integer> request) {
        for (int i = 0; i < 3; i++) {
            request.get();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            times.add(millisOf(request));
        }
        return median(times);
    }

    private static int status(HttpResponse<String> response) {
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
        row(String.format(
                Locale.ENGLISH,
                "| %s | **%s** | ≤ %s | %s |",
                what,
                number(value),
                number(limit),
                met ? "met" : "MISSED"));
        if (!met) {
            missed.add(what);
        }
    }

    private static String number(double value) {
        String format = value >= 100 || value == Math.rint(value) ? "%.0f" : value >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ENGLISH, format, value);
    }

    private void result(String what, String value) {
        row("| " + what + " | " + value + " | | |");
    }

    /** A row of the table, printed as soon as it is measured too (a million slots take a while). */
    private void row(String row) {
        System.out.println(row);
        rows.add(row);
    }

    private static long totalMemoryGib() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize()
                / (1L << 30);
    }

    private record Measured(long millis, String fingerprint) {}

    record ColdJob(long full, long rerun, long changed, long peakHeapMib, String fingerprint) {}

    /**
     * A tenth of the slots change, as a studio's week might: half of them half an hour later, the
     * other half at a new price. Every lesson they own from the next day on follows.
     */
    static void changeATenthOfTheSlots(JdbcClient jdbc) {
        jdbc.sql("""
                update recurring_slot set
                  start_time = case when abs(hashtext(id::text || 'change')) % 20 = 0
                                    then start_time + interval '30 minutes' else start_time end,
                  per_lesson_price = case when abs(hashtext(id::text || 'change')) % 20 = 10
                                          then per_lesson_price + 250 else per_lesson_price end
                where abs(hashtext(id::text || 'change')) % 10 = 0
                """).update();
    }

    /** A run after {@link #changeATenthOfTheSlots}, timed; it must have brought lessons in line. */
    static long timedChanges(LessonGenerationService generation) {
        long start = System.nanoTime();
        GenerationResult result = generation.run(JobTrigger.MANUAL, "benchmark");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertRanAsExpected(result);
        assertThat(result.lessonsUpdated())
                .as("lessons that followed their slot")
                .isPositive();
        return millis;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        @Primary
        MutableClock benchmarkClock() {
            return new MutableClock(NOW);
        }
    }
}
