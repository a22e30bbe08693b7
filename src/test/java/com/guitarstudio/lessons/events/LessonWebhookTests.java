package com.guitarstudio.lessons.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.guitarstudio.lessons.AppInstances;
import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import com.guitarstudio.lessons.WebhookServer;
import com.guitarstudio.lessons.config.Webhook;
import com.guitarstudio.lessons.generation.GenerationResult;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lesson events pushed to a real HTTP receiver on this machine by real instances on real PostgreSQL:
 * in id order, in batches of at most 500, signed; at least once through failures, restarts and two
 * instances, never skipping one. A studio of 100 teachers with one student each: its first run
 * writes over 1,000 lessons, and as many events (three batches).
 */
@IntegrationTest
class LessonWebhookTests {

    static final String SECRET = "lesson-events-signing-secret";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final AppInstances instances = new AppInstances();
    private final List<WebhookServer> receivers = new ArrayList<>();

    @Autowired
    JdbcClient jdbc;

    /** The suite's shared instance writes the events; it has no webhook, so it delivers none. */
    @Autowired
    LessonGenerationService writer;

    @Autowired
    MutableClock clock;

    /** Events the first run wrote. */
    private int events;

    @BeforeEach
    void aStudioWhoseFirstRunWroteItsEvents() {
        StudioFixtures studio = new StudioFixtures(jdbc);
        studio.empty();
        studio.bulk("hook", 100, 1);
        clock.set(IntegrationTestConfiguration.START);
        GenerationResult result = writer.run(JobTrigger.MANUAL, null);
        events = result.lessonsGenerated();
        assertThat(events).isBetween(1_001, 1_500);
        assertThat(storedIds()).hasSize(events);
    }

    @AfterEach
    void stop() {
        receivers.forEach(WebhookServer::close);
        instances.close();
    }

    @Test
    void everyEventIsPostedOnceInIdOrderSignedInBatchesOfAtMost500() {
        WebhookServer receiver = receiver(WebhookServer.Answer.OK);
        instances.start(arguments(receiver));

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(receiver).size() == events);

        List<WebhookServer.Received> posts = receiver.received();
        assertThat(posts).extracting(post -> ids(post).size()).containsExactly(500, 500, events - 1_000);
        assertThat(posts)
                .allSatisfy(post -> assertThat(post.headers())
                        .containsEntry("content-type", "application/json")
                        .containsEntry(
                                "x-signature-256",
                                "sha256="
                                        + Webhook.hmacSha256(SECRET, post.body().getBytes(StandardCharsets.UTF_8))));
        assertThat(delivered(receiver)).containsExactlyElementsOf(storedIds());
        JsonNode first = JSON.readTree(posts.get(0).body()).get("events").get(0);
        assertThat(first.get("kind").asString()).isEqualTo("CREATED");
        assertThat(first.get("after").get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(deliveryRow())
                .containsEntry("last_delivered_id", storedIds().get(events - 1))
                .containsEntry("failures", 0)
                .containsEntry("last_error", null);
    }

    @Test
    void aReceiverThatFailsThreeTimesThenAnswersGetsEveryEventWithDuplicatesOnlyOfTheRetriedBatch() {
        WebhookServer receiver = receiver(
                WebhookServer.Answer.ERROR,
                WebhookServer.Answer.ERROR,
                WebhookServer.Answer.ERROR,
                WebhookServer.Answer.OK);
        ConfigurableApplicationContext instance = instances.start(arguments(receiver));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 6);

        List<WebhookServer.Received> posts = receiver.received();
        List<Long> firstBatch = storedIds().subList(0, 500);
        for (WebhookServer.Received failed : posts.subList(0, 3)) {
            assertThat(ids(failed)).containsExactlyElementsOf(firstBatch);
        }
        List<Long> acknowledged = new ArrayList<>();
        posts.subList(3, 6).forEach(post -> acknowledged.addAll(ids(post)));
        assertThat(acknowledged).containsExactlyElementsOf(storedIds());
        MeterRegistry meters = instance.getBean(MeterRegistry.class);
        assertThat(meters.get("lessons.events.delivered")
                        .tag("outcome", "failed")
                        .counter()
                        .count())
                .isEqualTo(1_500);
        assertThat(meters.get("lessons.events.delivered")
                        .tag("outcome", "delivered")
                        .counter()
                        .count())
                .isEqualTo(events);
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveryRow().get("last_error") == null);
        assertThat(deliveryRow()).containsEntry("failures", 0);
    }

    @Test
    void whileTheReceiverFailsTheFailureIsShownRetentionKeepsTheEventsAndARunIsNotDelayed() {
        WebhookServer receiver = receiver(WebhookServer.Answer.ERROR);
        ConfigurableApplicationContext instance = instances.start(arguments(receiver));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= 2);
        long old = jdbc.sql("""
                        update lesson_event set occurred_at = occurred_at - interval '31 days'
                        where id = (select min(id) from lesson_event) returning id
                        """).query(Long.class).single();
        GenerationResult rerun = instance.getBean(LessonGenerationService.class).run(JobTrigger.MANUAL, null);
        LessonWebhook.Status status = instance.getBean(LessonWebhook.class).status();

        assertThat(status.configured()).isTrue();
        assertThat(status.destination()).isEqualTo("http://127.0.0.1:" + port(receiver) + "/…");
        assertThat(status.lastError()).isEqualTo("the webhook answered HTTP 500");
        assertThat(status.failures()).isGreaterThanOrEqualTo(1);
        assertThat(status.backlog()).isEqualTo(storedIds().get(events - 1));
        assertThat(status.lastDeliveredId()).isZero();
        assertThat(rerun.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(storedIds())
                .as("retention keeps what the webhook has not taken")
                .contains(old);
        assertThat(status.retentionHeldBack()).isTrue();

        new StudioFixtures(jdbc).signInUsers();
        TestHttp http = new TestHttp(
                ((WebServerApplicationContext) instance).getWebServer().getPort());
        String token = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD).substring("Bearer ".length());
        String page = http.get("/admin/background-jobs", "Cookie", "lessons_token=" + token)
                .body();
        assertThat(page)
                .contains("Lesson events go to http://127.0.0.1:" + port(receiver) + "/…")
                .contains("Lesson events are not getting through: the webhook answered HTTP 500")
                .contains("kept until the webhook takes them")
                .doesNotContain(WebhookServer.TOKEN_PATH);
    }

    @Test
    void twoInstancesDeliverEveryEventOnceBetweenThemInOrder() {
        WebhookServer receiver = receiver(WebhookServer.Answer.OK);
        instances.start(arguments(receiver));
        instances.start(arguments(receiver));

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(receiver).size() >= events);

        assertThat(delivered(receiver)).containsExactlyElementsOf(storedIds());
    }

    @Test
    void aRestartInTheMiddleOfTheBacklogResumesWhereDeliveryStopped() {
        WebhookServer receiver = receiver(WebhookServer.Answer.OK, WebhookServer.Answer.HANG, WebhookServer.Answer.OK);
        ConfigurableApplicationContext first = instances.start(arguments(receiver));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 2);

        first.close(); // while the second batch waits for its answer
        assertThat(deliveryRow()).containsEntry("last_delivered_id", storedIds().get(499));
        instances.start(arguments(receiver));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 4);
        List<WebhookServer.Received> posts = receiver.received();
        assertThat(ids(posts.get(1))).as("posted again after the restart").isEqualTo(ids(posts.get(2)));
        List<Long> acknowledged = new ArrayList<>(ids(posts.get(0)));
        acknowledged.addAll(ids(posts.get(2)));
        acknowledged.addAll(ids(posts.get(3)));
        assertThat(acknowledged).containsExactlyElementsOf(storedIds());
    }

    private WebhookServer receiver(WebhookServer.Answer... answers) {
        WebhookServer receiver = new WebhookServer(answers);
        receivers.add(receiver);
        return receiver;
    }

    private static String[] arguments(WebhookServer receiver) {
        return new String[] {
            "--app.lesson-events.webhook-url=" + receiver.url(),
            "--app.lesson-events.webhook-secret=" + SECRET,
            "--app.lesson-events.poll-every=PT0.05S",
            "--app.lesson-events.retry-after=PT0.05S",
            "--app.lesson-events.timeout=PT20S"
        };
    }

    private static int port(WebhookServer receiver) {
        String url = receiver.url();
        return Integer.parseInt(url.substring("http://127.0.0.1:".length(), url.indexOf('/', "http://".length())));
    }

    /** The ids of every post the receiver answered 200 to, in the order it got them. */
    private static List<Long> delivered(WebhookServer receiver) {
        List<Long> ids = new ArrayList<>();
        receiver.received().stream().filter(post -> post.answered() == 200).forEach(post -> ids.addAll(ids(post)));
        return ids;
    }

    private static List<Long> ids(WebhookServer.Received post) {
        List<Long> ids = new ArrayList<>();
        JSON.readTree(post.body())
                .get("events")
                .forEach(event -> ids.add(event.get("id").asLong()));
        return ids;
    }

    private List<Long> storedIds() {
        return jdbc.sql("select id from lesson_event order by id")
                .query(Long.class)
                .list();
    }

    private Map<String, Object> deliveryRow() {
        return jdbc.sql(
                        "select last_delivered_id, failures, last_error from lesson_event_delivery where name = 'webhook'")
                .query()
                .singleRow();
    }
}
