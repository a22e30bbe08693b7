package com.guitarstudio.lessons.alerts;

import static com.guitarstudio.lessons.TestHttp.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.guitarstudio.lessons.AppInstances;
import com.guitarstudio.lessons.ConcurrentTriggers;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.LessonServiceApplication;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.RunGate;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TcpProxy;
import com.guitarstudio.lessons.TestDatabase;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import com.guitarstudio.lessons.WebhookServer;
import com.guitarstudio.lessons.config.DatabaseConnection;
import com.guitarstudio.lessons.config.Webhook;
import com.guitarstudio.lessons.generation.GenerationResult;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts, posted to a real HTTP server on this machine by two instances of the service sharing one
 * database: each event is posted once, signed, readable, with retries, without ever holding up a
 * run, and its outcome is recorded and shown on the page.
 */
@ExtendWith(OutputCaptureExtension.class)
class AlertsTests {

    private static final String SECRET = "webhook-signing-secret";
    private static final String BASE_URL = "https://lessons.example.com";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AppInstances instances = new AppInstances();
    private final List<WebhookServer> webhooks = new ArrayList<>();
    private JdbcClient jdbc;
    private StudioFixtures studio;

    @BeforeEach
    void emptyStudio() {
        jdbc = TestDatabase.jdbc();
        studio = new StudioFixtures(jdbc);
        studio.empty();
    }

    @AfterEach
    void stop() {
        RunGate.releaseRuns();
        webhooks.forEach(WebhookServer::close);
        instances.close();
        jdbc.sql("drop trigger if exists lose_the_database on lesson").update();
        jdbc.sql("drop function if exists lose_the_database()").update();
    }

    /**
     * The database becomes unreachable in the middle of a run (the network, not a trigger): the run
     * fails, and its alert is posted all the same, although it cannot be recorded; once the database
     * is back the run's record says FAILED and why.
     */
    @Test
    void aRunThatLosesTheDatabaseIsPostedWhileTheDatabaseIsStillUnreachable() throws Exception {
        WebhookServer webhook = webhook(WebhookServer.Answer.OK);
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        DatabaseConnection database = TestDatabase.connection();
        try (TcpProxy proxy = TcpProxy.before(database);
                ConfigurableApplicationContext instance = new SpringApplicationBuilder(
                                LessonServiceApplication.class, BehindAProxy.class)
                        .properties(proxy.reaching(database).asDataSourceProperties())
                        .run(arguments(webhook, "--server.port=0"))) {
            RunGate.holdRuns();
            CompletableFuture<GenerationResult> run = CompletableFuture.supplyAsync(
                    () -> instance.getBean(LessonGenerationService.class).run(JobTrigger.CRON, "curl/8"));
            RunGate.awaitRunHeld();
            UUID running = jdbc.sql("select id from job_log where status = 'RUNNING'")
                    .query(UUID.class)
                    .single();

            proxy.cut();
            RunGate.releaseRuns();

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> webhook.received().size() == 1);
            JsonNode alert = JSON.readTree(single(webhook).body());
            assertThat(alert.get("event").asString()).isEqualTo("RUN_FAILED");
            assertThat(alert.get("jobLogId").asString()).isEqualTo(running.toString());
            assertThat(alert.get("errors").get(0).asString()).startsWith("Run failed: ");
            assertThat(run.get(60, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.FAILED);
            assertThat(jdbc.sql("select status from job_log where id = ?")
                            .param(running)
                            .query(String.class)
                            .single())
                    .as("nothing reached the database meanwhile")
                    .isEqualTo("RUNNING");

            proxy.restore();

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.sql("select status from job_log where id = ?")
                            .param(running)
                            .query(String.class)
                            .single()
                            .equals("FAILED"));
            assertThat(webhook.received()).as("posted once").hasSize(1);
        }
    }

    /** The test clock and the run gate, for an instance whose database is reached through a proxy. */
    @TestConfiguration(proxyBeanMethods = false)
    static class BehindAProxy {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(IntegrationTestConfiguration.START);
        }

        @Bean
        RunGate runGate() {
            return new RunGate();
        }
    }

    @Test
    void aFailedRunIsPostedOnceSignedAndReadable() throws Exception {
        WebhookServer webhook = webhook(WebhookServer.Answer.OK);
        List<ConfigurableApplicationContext> both = twoInstances(webhook);
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        // inserting lessons fails as it does when the connection to the database is lost
        jdbc.sql("""
                create function lose_the_database() returns trigger language plpgsql as $$
                begin raise exception 'the connection was lost' using errcode = '08006'; end $$
                """).update();
        jdbc.sql("create trigger lose_the_database before insert on lesson for each statement"
                        + " execute function lose_the_database()")
                .update();

        List<GenerationResult> results = ConcurrentTriggers.fire(2, generations(both));
        awaitAlertsSent(both);

        GenerationResult failed = results.stream()
                .filter(result -> result.status() == JobStatus.FAILED)
                .findFirst()
                .orElseThrow();
        assertThat(results).extracting(GenerationResult::status).contains(JobStatus.SKIPPED);
        WebhookServer.Received post = single(webhook);
        JsonNode alert = JSON.readTree(post.body());
        String runPage = BASE_URL + "/admin/background-jobs/runs/" + failed.jobLogId();
        assertThat(fieldNames(alert)).containsExactly("text", "event", "jobLogId", "status", "errors", "dashboardUrl");
        assertThat(alert.get("event").asString()).isEqualTo("RUN_FAILED");
        assertThat(alert.get("status").asString()).isEqualTo("FAILED");
        assertThat(alert.get("jobLogId").asString()).isEqualTo(failed.jobLogId().toString());
        assertThat(alert.get("errors").get(0).asString()).isEqualTo("Run failed: the connection was lost");
        assertThat(alert.get("dashboardUrl").asString()).isEqualTo(runPage);
        assertThat(alert.get("text").asString())
                .startsWith("Lesson generation failed (")
                .contains("Run failed: the connection was lost")
                .endsWith(" " + runPage);
        assertThat(post.headers())
                .containsEntry("content-type", "application/json")
                .containsEntry(
                        "x-signature-256",
                        "sha256=" + Webhook.hmacSha256(SECRET, post.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(alertRows()).containsExactly(Map.of("event", "RUN_FAILED", "status", "DELIVERED", "attempts", 1));
    }

    @Test
    void aPartialRunAndThenTheRecoveryArePostedOnceEach() throws Exception {
        WebhookServer webhook = webhook(WebhookServer.Answer.OK);
        List<ConfigurableApplicationContext> both = twoInstances(webhook);
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        UUID mars = studio.teacherWithOneSlot("Zed Mars", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);

        ConcurrentTriggers.fire(2, generations(both));
        awaitAlertsSent(both);
        JsonNode partial = JSON.readTree(single(webhook).body());
        studio.update(
                "update teacher_profile set timezone = 'Europe/London' where id = (select teacher_id from recurring_slot where id = ?)",
                mars);
        generations(both).get(1).run(JobTrigger.MANUAL, "admin@studio.test");
        generations(both).get(0).run(JobTrigger.SCHEDULE, "schedule");
        awaitAlertsSent(both);

        assertThat(partial.get("event").asString()).isEqualTo("RUN_PARTIAL");
        assertThat(partial.get("status").asString()).isEqualTo("PARTIAL");
        assertThat(partial.get("errors").get(0).asString()).startsWith("Teacher Zed Mars (");
        assertThat(partial.get("text").asString())
                .contains("12 lessons for 1 teacher; 1 teacher could not be processed.");
        List<WebhookServer.Received> posts = webhook.received();
        assertThat(posts).hasSize(2);
        JsonNode recovered = JSON.readTree(posts.get(1).body());
        assertThat(recovered.get("event").asString()).isEqualTo("RECOVERED");
        assertThat(recovered.get("status").asString()).isEqualTo("SUCCESS");
        // Zed's 13 lessons (his Monday noon is now) and none more for Maria, who had hers
        assertThat(recovered.get("text").asString())
                .startsWith("Lesson generation succeeded again (MANUAL): 13 lessons for 2 teachers.");
    }

    @Test
    void aRunAbandonedByADeadInstanceIsPostedOnceWhenTwoInstancesStart() throws Exception {
        UUID dead = studio.jobLogRow("RUNNING", IntegrationTestConfiguration.START.minus(Duration.ofHours(3)));
        WebhookServer webhook = webhook(WebhookServer.Answer.OK);

        List<ConfigurableApplicationContext> both = twoInstances(webhook);
        awaitAlertsSent(both);

        JsonNode alert = JSON.readTree(single(webhook).body());
        assertThat(alert.get("event").asString()).isEqualTo("RUN_ABANDONED");
        assertThat(alert.get("jobLogId").asString()).isEqualTo(dead.toString());
        assertThat(alert.get("status").asString()).isEqualTo("ABANDONED");
        assertThat(alert.get("text").asString())
                .isEqualTo("A lesson generation run (SCHEDULE, started 2027-03-01 09:00 UTC) stopped before it"
                        + " finished: its instance went away. " + BASE_URL + "/admin/background-jobs/runs/" + dead);
    }

    @Test
    void aMissedRunIsPostedOncePerMissedPeriodByTwoInstancesCheckingEveryMinute() throws Exception {
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        studio.jobLogRow("SUCCESS", IntegrationTestConfiguration.START.minus(Duration.ofHours(27)));
        WebhookServer webhook = webhook(WebhookServer.Answer.OK);
        List<ConfigurableApplicationContext> both = twoInstances(webhook);

        for (int minute = 0; minute < 3; minute++) {
            both.forEach(instance -> instance.getBean(RunAlerts.class).checkMissedRun());
        }
        awaitAlertsSent(both);
        JsonNode missed = JSON.readTree(single(webhook).body());
        // a success, then 27 more hours without one: a new missed period
        studio.jobLogRow("SUCCESS", IntegrationTestConfiguration.START.plus(Duration.ofHours(1)));
        both.forEach(instance -> instance.getBean(MutableClock.class).advance(Duration.ofHours(28)));
        both.forEach(instance -> instance.getBean(RunAlerts.class).checkMissedRun());
        awaitAlertsSent(both);

        assertThat(missed.get("event").asString()).isEqualTo("RUN_MISSED");
        assertThat(missed.get("jobLogId").isNull()).isTrue();
        assertThat(missed.get("dashboardUrl").asString()).isEqualTo(BASE_URL + "/admin/background-jobs");
        assertThat(missed.get("text").asString())
                .startsWith("No lesson generation has succeeded for 27 hours (last success 2027-02-28 09:00 UTC).");
        assertThat(webhook.received()).hasSize(2);
        assertThat(JSON.readTree(webhook.received().get(1).body()).get("text").asString())
                .startsWith("No lesson generation has succeeded for 27 hours (last success 2027-03-01 13:00 UTC).");
        // what the checks above stood in for: each instance's scheduler looks once a minute
        for (ConfigurableApplicationContext instance : both) {
            assertThat(scheduledEvery(instance, "checkMissedRun")).isEqualTo(Duration.ofMinutes(1));
        }
    }

    /** The fixed delay at which {@code method} is scheduled in {@code instance}, first run included. */
    private static Duration scheduledEvery(ConfigurableApplicationContext instance, String method) {
        List<FixedDelayTask> tasks = instance.getBeansOfType(ScheduledTaskHolder.class).values().stream()
                .flatMap(holder -> holder.getScheduledTasks().stream())
                .map(ScheduledTask::getTask)
                .filter(task -> task instanceof FixedDelayTask
                        && task.getRunnable().toString().endsWith("." + method))
                .map(FixedDelayTask.class::cast)
                .toList();
        assertThat(tasks).as("tasks scheduled for %s", method).hasSize(1);
        assertThat(tasks.get(0).getInitialDelayDuration())
                .isEqualTo(tasks.get(0).getIntervalDuration());
        return tasks.get(0).getIntervalDuration();
    }

    @Test
    void nothingIsMissedWhileNoSlotGetsLessons() {
        studio.jobLogRow("SUCCESS", IntegrationTestConfiguration.START.minus(Duration.ofDays(5)));
        WebhookServer webhook = webhook(WebhookServer.Answer.OK);
        ConfigurableApplicationContext instance = instances.start(arguments(webhook));

        instance.getBean(RunAlerts.class).checkMissedRun();
        awaitAlertsSent(List.of(instance));

        assertThat(webhook.received()).isEmpty();
        assertThat(alertRows()).isEmpty();
    }

    @Test
    void aWebhookAnswering500IsTriedThreeTimesAndTheFailureIsRecordedCountedAndShown(CapturedOutput output) {
        WebhookServer webhook = webhook(WebhookServer.Answer.ERROR);
        ConfigurableApplicationContext instance = instances.start(arguments(webhook));
        studio.signInUsers();
        studio.teacherWithOneSlot("Zed Mars", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);

        instance.getBean(LessonGenerationService.class).run(JobTrigger.CRON, "curl/8");
        awaitAlertsSent(List.of(instance));

        assertThat(webhook.received()).hasSize(3);
        assertThat(alertRows()).containsExactly(Map.of("event", "RUN_PARTIAL", "status", "FAILED", "attempts", 3));
        assertThat(jdbc.sql("select last_error from alert").query(String.class).single())
                .isEqualTo("the webhook answered HTTP 500");
        assertThat(instance.getBean(MeterRegistry.class)
                        .get("lessons.alerts")
                        .tag("event", "RUN_PARTIAL")
                        .tag("outcome", "failed")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(page(instance))
                .contains("Alerts go to http://127.0.0.1:")
                .contains("Last alert: a run with errors")
                .contains("not delivered after 3 attempts: the webhook answered HTTP 500.")
                .doesNotContain("secret-token-in-the-path");
        assertThat(output.getAll())
                .doesNotContain("secret-token-in-the-path")
                .contains("Alert RUN_PARTIAL not delivered");
    }

    @Test
    void aWebhookThatFailsOnceIsDeliveredOnTheSecondAttempt() {
        WebhookServer webhook = webhook(WebhookServer.Answer.ERROR, WebhookServer.Answer.OK);
        ConfigurableApplicationContext instance = instances.start(arguments(webhook));
        studio.teacherWithOneSlot("Zed Mars", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);

        instance.getBean(LessonGenerationService.class).run(JobTrigger.CRON, "curl/8");
        awaitAlertsSent(List.of(instance));

        assertThat(webhook.received()).hasSize(2);
        assertThat(alertRows()).containsExactly(Map.of("event", "RUN_PARTIAL", "status", "DELIVERED", "attempts", 2));
    }

    @Test
    void aWebhookThatNeverAnswersTimesOutOnEveryAttempt() {
        WebhookServer webhook = webhook(WebhookServer.Answer.HANG);
        ConfigurableApplicationContext instance = instances.start(arguments(webhook, "--app.alerts.timeout=PT0.3S"));
        studio.teacherWithOneSlot("Zed Mars", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);

        instance.getBean(LessonGenerationService.class).run(JobTrigger.CRON, "curl/8");
        awaitAlertsSent(List.of(instance));

        assertThat(webhook.received()).hasSize(3);
        assertThat(alertRows()).containsExactly(Map.of("event", "RUN_PARTIAL", "status", "FAILED", "attempts", 3));
        assertThat(jdbc.sql("select last_error from alert").query(String.class).single())
                .isEqualTo("no answer within 300 ms");
    }

    @Test
    void aHangingWebhookNeverHoldsUpARun() {
        WebhookServer webhook = webhook(WebhookServer.Answer.HANG);
        // were the run to wait for the webhook, it would wait at least this long
        ConfigurableApplicationContext instance = instances.start(arguments(webhook, "--app.alerts.timeout=PT60S"));
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        studio.teacherWithOneSlot("Zed Mars", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);

        GenerationResult result = assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> instance.getBean(LessonGenerationService.class).run(JobTrigger.CRON, "curl/8"));

        assertThat(result.status()).isEqualTo(JobStatus.PARTIAL);
        assertThat(result.lessonsGenerated()).isEqualTo(12);
        await().atMost(Duration.ofSeconds(30)).until(() -> webhook.received().size() == 1);
        assertThat(alertRows()).containsExactly(Map.of("event", "RUN_PARTIAL", "status", "PENDING", "attempts", 0));
    }

    @Test
    void aWebhookNobodyListensOnNeverFailsARunAndSaysWhyItWasNotDelivered() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConfigurableApplicationContext instance = instances.start(
                "--app.alerts.webhook-url=http://127.0.0.1:" + closedPort + "/hook", "--app.alerts.backoff=PT0.05S");
        studio.teacherWithOneSlot("Zed Mars", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);

        GenerationResult result =
                instance.getBean(LessonGenerationService.class).run(JobTrigger.CRON, "curl/8");
        awaitAlertsSent(List.of(instance));

        assertThat(result.status()).isEqualTo(JobStatus.PARTIAL);
        assertThat(jdbc.sql("select last_error from alert").query(String.class).single())
                .isEqualTo("could not connect to http://127.0.0.1:" + closedPort + "/…");
    }

    /**
     * A webhook behind Basic authentication, written the usual way (user and password in the URL):
     * each post sends them as an Authorization header; before, they were dropped without a word.
     */
    @Test
    void aUserAndPasswordInTheWebhookUrlAreSentAsBasicAuthentication() {
        WebhookServer webhook = webhook(WebhookServer.Answer.OK);
        String withUser = webhook.url().replace("http://", "http://alerts:p%40ss%3Aword@");
        ConfigurableApplicationContext instance =
                instances.start("--app.alerts.webhook-url=" + withUser, "--app.alerts.backoff=PT0.05S");
        studio.teacherWithOneSlot("Zed Mars", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);

        instance.getBean(LessonGenerationService.class).run(JobTrigger.CRON, "curl/8");
        awaitAlertsSent(List.of(instance));

        assertThat(single(webhook).headers())
                .containsEntry(
                        "authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString("alerts:p@ss:word".getBytes(StandardCharsets.UTF_8)));
        assertThat(instance.getBean(AlertProperties.class).destination()).doesNotContain("alerts", "p%40ss");
    }

    @Test
    void aWebhookUrlThatCannotBeReadStopsTheStartNamingTheVariableButNotTheUrl(CapturedOutput output) {
        assertThatThrownBy(() -> instances.start("--app.alerts.webhook-url=hooks.example.com/services/T000/secret"))
                .hasRootCauseMessage(
                        "ALERT_WEBHOOK_URL is not an http or https URL; set it to the incoming webhook your"
                                + " chat or paging tool gives, for example https://hooks.slack.com/services/…");
        assertThat(output.getAll())
                .contains("ALERT_WEBHOOK_URL is not an http or https URL")
                .doesNotContain("T000/secret");
    }

    private WebhookServer webhook(WebhookServer.Answer... answers) {
        WebhookServer webhook = new WebhookServer(answers);
        webhooks.add(webhook);
        return webhook;
    }

    private List<ConfigurableApplicationContext> twoInstances(WebhookServer webhook) {
        return List.of(instances.start(arguments(webhook)), instances.start(arguments(webhook)));
    }

    private static String[] arguments(WebhookServer webhook, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--app.alerts.webhook-url=" + webhook.url(),
                "--app.alerts.webhook-secret=" + SECRET,
                "--app.alerts.backoff=PT0.05S",
                "--app.base-url=" + BASE_URL));
        arguments.addAll(Arrays.asList(more));
        return arguments.toArray(String[]::new);
    }

    private static List<LessonGenerationService> generations(List<ConfigurableApplicationContext> instances) {
        return instances.stream()
                .map(instance -> instance.getBean(LessonGenerationService.class))
                .toList();
    }

    /** Every alert the instances were handed has been recorded and sent (or given up on). */
    private static void awaitAlertsSent(List<ConfigurableApplicationContext> instances) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> instances.stream()
                        .allMatch(instance ->
                                instance.getBean(AlertDispatcher.class).idle()));
    }

    private static WebhookServer.Received single(WebhookServer webhook) {
        assertThat(webhook.received()).hasSize(1);
        return webhook.received().get(0);
    }

    private List<Map<String, Object>> alertRows() {
        return jdbc.sql("select event, status, attempts from alert order by raised_at")
                .query((rs, n) -> Map.<String, Object>of(
                        "event",
                        rs.getString("event"),
                        "status",
                        rs.getString("status"),
                        "attempts",
                        rs.getInt("attempts")))
                .list();
    }

    private static String page(ConfigurableApplicationContext instance) {
        TestHttp http = new TestHttp(
                ((WebServerApplicationContext) instance).getWebServer().getPort());
        String token = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD).substring("Bearer ".length());
        return http.get("/admin/background-jobs", "Cookie", "lessons_token=" + token)
                .body();
    }
}
