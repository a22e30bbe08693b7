package com.guitarstudio.lessons.events;

import static com.guitarstudio.lessons.TestHttp.fieldNames;
import static com.guitarstudio.lessons.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import com.guitarstudio.lessons.generation.GenerationResult;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every change the service makes to a lesson leaves exactly one event in {@code lesson_event}, in the
 * same transaction, with the lesson before and after; a person's edit and a write that rolls back
 * leave none. On real PostgreSQL, read through the API over real HTTP. The studio is Maria Lopez in
 * Chicago, whose student Ben has Tuesdays at 17:30 (the clock stands at Monday 2027-03-01 12:00 UTC;
 * Chicago moves to daylight saving time on Sunday 14 March).
 */
@IntegrationTest
class LessonEventsTests {

    static final String EVENTS = "/api/admin/lesson-events";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    @Autowired
    LessonGenerationService generation;

    @Autowired
    DataSource dataSource;

    TestHttp http;
    String admin;
    UUID maria;
    UUID ben;
    UUID slot;

    @BeforeEach
    void mariaTeachesBenOnTuesdays() {
        studio.empty();
        studio.signInUsers();
        clock.set(IntegrationTestConfiguration.START);
        http = new TestHttp(port);
        admin = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        maria = studio.teacher("Maria Lopez", "America/Chicago");
        ben = studio.student("Ben Adams", maria);
        slot = studio.slot(maria, ben, DayOfWeek.TUESDAY, LocalTime.of(17, 30), 30, 2500);
    }

    @AfterEach
    void dropInjectedFailure() {
        studio.acceptEveryLesson();
    }

    /** An event as stored, with the lesson's fields before and after as text. */
    record Event(
            long id,
            UUID lessonId,
            String kind,
            String cause,
            UUID jobLogId,
            UUID closureId,
            Map<String, Object> before,
            Map<String, Object> after) {}

    @Test
    void aRunWritesOneEventPerLessonItCreatesClosedWhereAClosureCoversTheDate() {
        UUID spring = studio.closure(null, LocalDate.parse("2027-03-16"), LocalDate.parse("2027-03-16"), "Spring");

        GenerationResult result = run();

        assertThat(result.lessonsGenerated()).isEqualTo(12);
        List<Event> events = events();
        assertThat(events).hasSize(12);
        assertThat(events)
                .extracting(Event::lessonId)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(lessonIds());
        assertThat(events).allSatisfy(event -> {
            assertThat(event.cause()).isEqualTo("RUN");
            assertThat(event.jobLogId()).isEqualTo(result.jobLogId());
            assertThat(event.closureId()).isNull();
            assertThat(event.before()).isNull();
            assertThat(event.after()).isEqualTo(lessonAsEvent(event.lessonId()));
        });
        assertThat(events.stream().filter(event -> event.kind().equals("CLOSED")))
                .singleElement()
                .satisfies(closed -> {
                    assertThat(closed.after())
                            .containsEntry("start_at", "2027-03-16T22:30:00Z") // 17:30 CDT
                            .containsEntry("status", "CLOSED")
                            .containsEntry("closure_id", spring.toString());
                });
        assertThat(events).filteredOn(event -> event.kind().equals("CREATED")).hasSize(11);
        assertThat(events.get(0).after())
                .containsEntry("start_at", "2027-03-02T23:30:00Z") // 17:30 CST
                .containsEntry("duration_minutes", "30")
                .containsEntry("price", "2500")
                .containsEntry("status", "SCHEDULED")
                .containsEntry("timezone", "America/Chicago");

        assertThat(run().lessonsGenerated()).isZero();
        assertThat(events())
                .as("a run over an unchanged studio changes nothing")
                .hasSize(12);
    }

    @Test
    void theApiListsTheEventsInOrderAPageAtATimeWithTheIdToAskAfterNext() {
        GenerationResult result = run();
        List<Event> stored = events();

        HttpResponse<String> first = http.get(EVENTS + "?limit=5", "Authorization", admin);

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode body = json(first);
        assertThat(fieldNames(body)).containsExactly("success", "data", "next");
        JsonNode data = body.get("data");
        assertThat(data).hasSize(5);
        assertThat(fieldNames(data.get(0)))
                .containsExactly(
                        "id",
                        "lessonId",
                        "teacherId",
                        "studentId",
                        "kind",
                        "cause",
                        "before",
                        "after",
                        "jobLogId",
                        "closureId",
                        "occurredAt");
        assertThat(fieldNames(data.get(0).get("after")))
                .containsExactly("startAt", "durationMinutes", "price", "status", "timezone", "closureId");
        assertThat(data.get(0).get("id").asLong()).isEqualTo(stored.get(0).id());
        assertThat(data.get(0).get("lessonId").asString())
                .isEqualTo(stored.get(0).lessonId().toString());
        assertThat(data.get(0).get("teacherId").asString()).isEqualTo(maria.toString());
        assertThat(data.get(0).get("studentId").asString()).isEqualTo(ben.toString());
        assertThat(data.get(0).get("kind").asString()).isEqualTo("CREATED");
        assertThat(data.get(0).get("cause").asString()).isEqualTo("RUN");
        assertThat(data.get(0).get("before").isNull()).isTrue();
        assertThat(data.get(0).get("after").get("startAt").asString()).isEqualTo("2027-03-02T23:30:00Z");
        assertThat(data.get(0).get("after").get("price").asInt()).isEqualTo(2500);
        assertThat(data.get(0).get("jobLogId").asString())
                .isEqualTo(result.jobLogId().toString());
        assertThat(body.get("next").asLong()).isEqualTo(stored.get(4).id());

        List<Long> ids = new ArrayList<>();
        long next = 0;
        while (true) {
            JsonNode page = json(http.get(EVENTS + "?limit=5&after=" + next, "Authorization", admin));
            if (page.get("data").isEmpty()) {
                assertThat(page.get("next").asLong()).isEqualTo(next);
                break;
            }
            page.get("data").forEach(event -> ids.add(event.get("id").asLong()));
            next = page.get("next").asLong();
        }
        assertThat(ids).containsExactlyElementsOf(stored.stream().map(Event::id).toList());
    }

    @Test
    void theApiFiltersByTeacherAndByStudent() {
        UUID anna = studio.teacher("Anna Berg", "Europe/London");
        UUID carl = studio.student("Carl Diaz", anna);
        studio.slot(anna, carl, DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), 60, 4000);
        run();

        JsonNode annas = json(http.get(EVENTS + "?teacherId=" + anna, "Authorization", admin));
        JsonNode bens = json(http.get(EVENTS + "?studentId=" + ben, "Authorization", admin));

        assertThat(annas.get("data"))
                .hasSize(12)
                .allSatisfy(
                        event -> assertThat(event.get("teacherId").asString()).isEqualTo(anna.toString()));
        assertThat(bens.get("data"))
                .hasSize(12)
                .allSatisfy(
                        event -> assertThat(event.get("studentId").asString()).isEqualTo(ben.toString()));
        assertThat(json(http.get(EVENTS + "?teacherId=" + anna + "&studentId=" + ben, "Authorization", admin))
                        .get("data"))
                .isEmpty();
    }

    @Test
    void badParametersAre400sThatSayWhatToSend() {
        Map<String, String> answers = Map.of(
                "after=-1", "Query parameter 'after' must be a whole number from 0 on, not '-1'",
                "after=ten", "Query parameter 'after' must be a whole number from 0 on, not 'ten'",
                "limit=0", "Query parameter 'limit' must be a whole number from 1 to 500, not '0'",
                "limit=501", "Query parameter 'limit' must be a whole number from 1 to 500, not '501'",
                "teacherId=maria",
                        "Query parameter 'teacherId' must be an id like 3f2c1d9e-8a4b-4c6d-9e0f-1a2b3c4d5e6f, not 'maria'",
                "studentId=1-2-3-4-5",
                        "Query parameter 'studentId' must be an id like 3f2c1d9e-8a4b-4c6d-9e0f-1a2b3c4d5e6f, not"
                                + " '1-2-3-4-5'");
        answers.forEach((query, detail) -> {
            HttpResponse<String> response = http.get(EVENTS + "?" + query, "Authorization", admin);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(response).get("detail").asString()).as(query).isEqualTo(detail);
        });
        assertThat(http.get(EVENTS).statusCode()).isEqualTo(401);
    }

    @Test
    void creatingAndDeletingAClosureWritesAClosedAndAReopenedEventForTheLessonItCovers() {
        run();
        long before = lastId();

        JsonNode created = json(http.postJson("/api/admin/closures", """
                {"kind":"STUDIO_CLOSED","startsOn":"2027-03-15","endsOn":"2027-03-21","reason":"Spring break"}
                """, "Authorization", admin));
        UUID closure = UUID.fromString(created.get("data").get("id").asString());

        List<Event> closing = eventsAfter(before);
        assertThat(closing).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo("CLOSED");
            assertThat(event.cause()).isEqualTo("CLOSURE");
            assertThat(event.closureId()).isEqualTo(closure);
            assertThat(event.jobLogId()).isNull();
            assertThat(event.before()).containsEntry("status", "SCHEDULED").containsEntry("closure_id", null);
            assertThat(event.after())
                    .containsEntry("status", "CLOSED")
                    .containsEntry("closure_id", closure.toString())
                    .containsEntry("start_at", "2027-03-16T22:30:00Z");
            assertThat(event.after()).isEqualTo(lessonAsEvent(event.lessonId()));
        });

        long closed = lastId();
        assertThat(http.send("DELETE", "/api/admin/closures/" + closure, null, "Authorization", admin)
                        .statusCode())
                .isEqualTo(200);

        assertThat(eventsAfter(closed)).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo("REOPENED");
            assertThat(event.cause()).isEqualTo("CLOSURE");
            assertThat(event.closureId()).isEqualTo(closure);
            assertThat(event.lessonId()).isEqualTo(closing.get(0).lessonId());
            assertThat(event.before()).isEqualTo(closing.get(0).after());
            assertThat(event.after()).containsEntry("status", "SCHEDULED").containsEntry("closure_id", null);
        });
    }

    @Test
    void aRetimedSlotUpdatesEveryLessonWithTheTimeBeforeAndAfterAcrossTheChangeToDaylightSaving() {
        run();
        long before = lastId();
        studio.update("update recurring_slot set start_time = '18:00', per_lesson_price = 2700 where id = ?", slot);

        GenerationResult result = run();

        assertThat(result.lessonsUpdated()).isEqualTo(12);
        List<Event> updates = eventsAfter(before);
        assertThat(updates).hasSize(12).allSatisfy(event -> {
            assertThat(event.kind()).isEqualTo("UPDATED");
            assertThat(event.cause()).isEqualTo("RECONCILE");
            assertThat(event.jobLogId()).isEqualTo(result.jobLogId());
            assertThat(event.before()).containsEntry("price", "2500");
            assertThat(event.after()).containsEntry("price", "2700").isEqualTo(lessonAsEvent(event.lessonId()));
        });
        assertThat(updates).extracting(Event::lessonId).doesNotHaveDuplicates();
        Event march16 = updates.stream()
                .filter(event -> event.before().get("start_at").equals("2027-03-16T22:30:00Z"))
                .findFirst()
                .orElseThrow();
        assertThat(march16.after()).containsEntry("start_at", "2027-03-16T23:00:00Z"); // 18:00 CDT
    }

    @Test
    void aCancelledSlotCancelsItsLessonsAndItsReturnRestoresThem() {
        run();
        long before = lastId();
        studio.update("update recurring_slot set status = 'CANCELLED' where id = ?", slot);

        GenerationResult cancelling = run();

        assertThat(cancelling.lessonsCancelled()).isEqualTo(12);
        List<Event> cancelled = eventsAfter(before);
        assertThat(cancelled).hasSize(12).allSatisfy(event -> {
            assertThat(event.kind()).isEqualTo("CANCELLED");
            assertThat(event.before()).containsEntry("status", "SCHEDULED");
            assertThat(event.after()).containsEntry("status", "CANCELLED");
        });

        long beforeReturn = lastId();
        studio.update("update recurring_slot set status = 'ACTIVE' where id = ?", slot);
        GenerationResult restoring = run();

        assertThat(restoring.lessonsUpdated()).isEqualTo(12);
        assertThat(eventsAfter(beforeReturn)).hasSize(12).allSatisfy(event -> {
            assertThat(event.kind()).isEqualTo("RESTORED");
            assertThat(event.before()).containsEntry("status", "CANCELLED");
            assertThat(event.after()).containsEntry("status", "SCHEDULED");
        });
    }

    @Test
    void aPersonsEditWritesNoEvent() {
        run();
        long before = lastId();

        jdbc.sql("update lesson set price = 9900, start_at = start_at + interval '1 hour'")
                .update();
        jdbc.sql("""
                insert into lesson (teacher_id, student_id, start_at, duration_minutes, timezone)
                values (?, ?, '2027-03-05T15:00:00Z', 60, 'America/Chicago')
                """).params(maria, ben).update();

        assertThat(eventsAfter(before)).isEmpty();
    }

    @Test
    void aChunkThatRollsBackLeavesNoEventAndItsTeachersWrittenAloneLeaveOneEachLesson() {
        List<UUID> teachers = new ArrayList<>(List.of(maria));
        for (int i = 0; i < 3; i++) {
            UUID teacher = studio.teacher("Teacher " + i, "Europe/London");
            studio.slot(
                    teacher, studio.student("Student " + i, teacher), DayOfWeek.WEDNESDAY, LocalTime.of(11, 0), 30, 0);
            teachers.add(teacher);
        }
        UUID faulty = teachers.get(2);
        // The database refuses this teacher's last lesson, after the chunk's insert has written others.
        studio.refuseLessonOf(faulty, LocalDate.parse("2027-05-19"));

        GenerationResult result = run();

        assertThat(result.status()).isEqualTo(JobStatus.PARTIAL);
        assertThat(studio.lessonCount(faulty)).isZero();
        assertThat(studio.lessonCount()).isEqualTo(result.lessonsGenerated()).isEqualTo(36);
        List<Event> events = events();
        assertThat(events).extracting(Event::lessonId).containsExactlyInAnyOrderElementsOf(lessonIds());
        assertThat(jdbc.sql("select count(*) from lesson_event where teacher_id = ?")
                        .param(faulty)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /**
     * Two transactions write events at once (two writer threads do): the one that takes its ids second
     * waits until the first has committed, so a consumer that has read up to some id never finds an
     * event below it later.
     */
    @Test
    void eventIdsFollowTheOrderTransactionsCommitInSoAConsumerNeverSkipsOne() throws Exception {
        run();
        long seen = lastId();
        try (Connection first = dataSource.getConnection();
                Connection second = dataSource.getConnection()) {
            UUID firstLesson = writeAsARun(first, "2027-06-01T15:00:00Z");
            assertThat(eventsAfter(seen)).as("not visible before it commits").isEmpty();

            CompletableFuture<UUID> secondLesson =
                    CompletableFuture.supplyAsync(() -> writeAsARun(second, "2027-06-02T15:00:00Z"));
            await().atMost(Duration.ofSeconds(30)).until(this::aWriterWaitsToTakeEventIds);
            first.commit();
            secondLesson.get(30, TimeUnit.SECONDS);
            assertThat(eventsAfter(seen)).extracting(Event::lessonId).containsExactly(firstLesson);
            second.commit();

            assertThat(eventsAfter(seen)).extracting(Event::lessonId).containsExactly(firstLesson, secondLesson.get());
        }
    }

    /** In a transaction of its own, left open: a lesson written as a run writes it. */
    private UUID writeAsARun(Connection connection, String startAt) {
        try {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("select set_config('lesson_event.cause', 'RUN', true)");
                try (ResultSet inserted = statement.executeQuery("""
                        insert into lesson (teacher_id, student_id, start_at, duration_minutes, timezone)
                        values ('%s', '%s', '%s', 30, 'America/Chicago') returning id
                        """.formatted(maria, ben, startAt))) {
                    inserted.next();
                    return inserted.getObject(1, UUID.class);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean aWriterWaitsToTakeEventIds() {
        return jdbc.sql("""
                        select count(*) > 0 from pg_stat_activity
                        where datname = current_database() and wait_event = 'advisory'
                          and query like '%insert into lesson%'
                        """).query(Boolean.class).single();
    }

    @Test
    void eventsOlderThanTheRetentionAreDeletedAfterARunAndYoungerOnesKept() {
        String event = """
                insert into lesson_event (lesson_id, teacher_id, student_id, kind, after, cause, occurred_at)
                values (gen_random_uuid(), ?, ?, 'CREATED', '{}', 'RUN', now() - make_interval(days => ?))
                returning id
                """;
        long old = jdbc.sql(event).params(maria, ben, 31).query(Long.class).single();
        long young = jdbc.sql(event).params(maria, ben, 29).query(Long.class).single();

        run();

        List<Long> kept = jdbc.sql("select id from lesson_event where id in (?, ?)")
                .params(old, young)
                .query(Long.class)
                .list();
        assertThat(kept).containsExactly(young);
        assertThat(events()).hasSize(13);
    }

    private GenerationResult run() {
        return generation.run(JobTrigger.MANUAL, null);
    }

    private List<Event> events() {
        return eventsAfter(0);
    }

    private List<Event> eventsAfter(long after) {
        return jdbc.sql("""
                select id, lesson_id, kind, cause, job_log_id, closure_id, before::text as before, after::text as after
                from lesson_event where id > ? order by id
                """)
                .param(after)
                .query((row, number) -> new Event(
                        row.getLong("id"),
                        row.getObject("lesson_id", UUID.class),
                        row.getString("kind"),
                        row.getString("cause"),
                        row.getObject("job_log_id", UUID.class),
                        row.getObject("closure_id", UUID.class),
                        fields(row.getString("before")),
                        fields(row.getString("after"))))
                .list();
    }

    /** A jsonb object's fields as text, read by PostgreSQL itself. */
    private Map<String, Object> fields(String jsonb) {
        if (jsonb == null) {
            return null;
        }
        Map<String, Object> fields = new TreeMap<>();
        jdbc.sql("select key, value from jsonb_each_text(cast(? as jsonb))")
                .param(jsonb)
                .query((row, number) -> fields.put(row.getString("key"), row.getString("value")))
                .list();
        return fields;
    }

    /** The lesson as it is now, in an event's fields. */
    private Map<String, Object> lessonAsEvent(UUID lessonId) {
        return fields(jdbc.sql("""
                select lesson_event_state(start_at, duration_minutes, price, status, timezone, closure_id)::text
                from lesson where id = ?
                """).param(lessonId).query(String.class).single());
    }

    private List<UUID> lessonIds() {
        return jdbc.sql("select id from lesson").query(UUID.class).list();
    }

    private long lastId() {
        return jdbc.sql("select coalesce(max(id), 0) from lesson_event")
                .query(Long.class)
                .single();
    }
}
