package com.guitarstudio.lessons.feeds;

import static com.guitarstudio.lessons.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.MutableTicker;
import com.guitarstudio.lessons.StatementCounter;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobTrigger;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Calendar feeds over real HTTP on real PostgreSQL, each parsed and validated with ical4j's parser and
 * compared with the lessons in the database. The studio is Maria Lopez in Chicago, who teaches Ben
 * Adams on Tuesdays at 17:30 for 30 minutes and Cleo Diaz on Thursdays at 16:00 for 60; the clock
 * stands at Monday 2027-03-01 12:00 UTC, and Chicago moves to daylight saving time on Sunday 14
 * March, so the lessons before it are at 23:30 UTC and those after at 22:30.
 */
@IntegrationTest
class CalendarFeedsTests {

    static final String FEEDS = "/api/admin/calendar-feeds";

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    @Autowired
    MutableTicker ticker;

    @Autowired
    LessonGenerationService generation;

    @Autowired
    StatementCounter statements;

    @Autowired
    MeterRegistry meters;

    TestHttp http;
    String admin;
    UUID maria;
    UUID ben;
    UUID cleo;
    UUID bensSlot;

    @BeforeEach
    void mariaTeachesBenAndCleo() {
        studio.empty();
        studio.signInUsers();
        clock.set(IntegrationTestConfiguration.START);
        http = new TestHttp(port);
        admin = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        maria = studio.teacher("Maria Lopez", "America/Chicago");
        ben = studio.student("Ben Adams", maria);
        cleo = studio.student("Cleo Diaz", maria);
        bensSlot = studio.slot(maria, ben, DayOfWeek.TUESDAY, LocalTime.of(17, 30), 30, 2500);
        studio.slot(maria, cleo, DayOfWeek.THURSDAY, LocalTime.of(16, 0), 60, 4000);
        generation.run(JobTrigger.MANUAL, null);
    }

    @Test
    void aTeachersFeedHasOneEventPerLessonAtItsLocalTimeInItsZoneAcrossTheChangeToDaylightSaving() {
        JsonNode created = json(createFeed("{\"teacherId\": \"" + maria + "\"}", 201));
        assertThat(created.get("success").asBoolean()).isTrue();
        assertThat(created.get("kind").asString()).isEqualTo("TEACHER");
        assertThat(created.get("teacherId").asString()).isEqualTo(maria.toString());
        assertThat(created.get("name").asString()).isEqualTo("Maria Lopez");
        assertThat(created.get("createdBy").asString()).isEqualTo(TestUsers.ADMIN);
        String url = created.get("url").asString();
        assertThat(url).matches("http://localhost:8080/calendar/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(jdbc.sql("select count(*) from calendar_feed where token_hash = sha256(convert_to(?, 'UTF8'))")
                        .param(token(url))
                        .query(Long.class)
                        .single())
                .as("only the token's SHA-256 is stored")
                .isEqualTo(1);

        HttpResponse<String> response = http.get(path(url));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/calendar;charset=UTF-8");
        Calendar calendar = parseAndValidate(response.body());
        assertThat(calendar.getProperty(Property.PRODID).map(Property::getValue))
                .hasValue(IcsCalendar.PRODUCT);
        assertThat(calendar.getProperty("X-WR-CALNAME").map(Property::getValue))
                .hasValue("Guitar lessons: Maria Lopez");
        assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE"))
                .extracting(
                        zone -> zone.getProperty(Property.TZID).orElseThrow().getValue())
                .containsExactly("America/Chicago");
        Map<String, VEvent> events = byUid(calendar);
        List<Lesson> lessons = lessons("teacher_id", maria);
        assertThat(lessons).hasSize(24); // 12 Tuesdays and 12 Thursdays: 12 weeks ahead from Monday noon
        assertThat(events.keySet())
                .containsExactlyInAnyOrderElementsOf(lessons.stream()
                        .map(lesson -> lesson.id() + "@localhost")
                        .toList());
        for (Lesson lesson : lessons) {
            VEvent event = events.get(lesson.id() + "@localhost");
            DtStart<Temporal> start = event.getDateTimeStart();
            assertThat(start.getParameter(Parameter.TZID).map(Parameter::getValue))
                    .hasValue("America/Chicago");
            ZonedDateTime local = localStart(event);
            assertThat(local.toInstant()).isEqualTo(lesson.startAt());
            assertThat(offsetInItsVtimezone(calendar, event))
                    .as("a calendar app that reads the VTIMEZONE puts it at the same instant")
                    .isEqualTo(local.getOffset());
            boolean bens = lesson.studentId().equals(ben);
            assertThat(local.toLocalTime()).isEqualTo(bens ? LocalTime.of(17, 30) : LocalTime.of(16, 0));
            assertThat(value(event, Property.DURATION)).isEqualTo(bens ? "PT30M" : "PT1H");
            assertThat(value(event, Property.SUMMARY))
                    .isEqualTo(bens ? "Guitar lesson with Ben Adams" : "Guitar lesson with Cleo Diaz");
            assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
            assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
            assertThat(event.getProperty(Property.DESCRIPTION)).isEmpty();
            assertThat(value(event, Property.DTSTAMP)).isEqualTo(value(event, Property.LAST_MODIFIED));
        }
        assertThat(lessons.get(0).startAt()).isEqualTo(Instant.parse("2027-03-02T23:30:00Z")); // CST
        assertThat(lessons.stream().map(Lesson::startAt))
                .contains(Instant.parse("2027-03-16T22:30:00Z")); // CDT, still 17:30 in Chicago
        assertThat(http.get(path(url)).body())
                .as("an unchanged feed is the same bytes (nothing in it comes from the clock)")
                .isEqualTo(response.body());
    }

    @Test
    void theFeedIsFoldedAt75OctetsWithCrlfAndEscapesText() {
        jdbc.sql("update app_user set name = ? where id = (select user_id from student_profile where id = ?)")
                .params("Zoë Ångström-Øvergård; Ben, \"the Second\" " + "très long ".repeat(8), ben)
                .update();
        String body = http.get(path(feedUrl("teacherId", maria))).body();

        assertThat(body).endsWith("END:VCALENDAR\r\n");
        assertThat(body.split("\r\n"))
                .allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                        .as(line)
                        .isLessThanOrEqualTo(75));
        assertThat(body.replace("\r\n", "")).doesNotContain("\n");
        assertThat(body).contains("SUMMARY:Guitar lesson with Zoë Ångström-Øvergård\\; Ben\\, \"the Second\"");
        assertThat(byUid(parseAndValidate(body)).values())
                .filteredOn(event -> value(event, Property.SUMMARY).contains("Zoë"))
                .hasSize(12)
                .allSatisfy(event -> assertThat(value(event, Property.SUMMARY))
                        .isEqualTo("Guitar lesson with Zoë Ångström-Øvergård; Ben, \"the Second\" "
                                + "très long ".repeat(8).strip()));
    }

    @Test
    void aStudentsFeedNamesTheTeacherAndNeverAnotherStudent() {
        String body = http.get(path(feedUrl("studentId", ben))).body();

        Calendar calendar = parseAndValidate(body);
        assertThat(calendar.getProperty("X-WR-CALNAME").map(Property::getValue)).hasValue("Guitar lessons: Ben Adams");
        assertThat(byUid(calendar).keySet())
                .containsExactlyInAnyOrderElementsOf(lessons("student_id", ben).stream()
                        .map(lesson -> lesson.id() + "@localhost")
                        .toList());
        assertThat(byUid(calendar).values())
                .hasSize(12)
                .allSatisfy(event ->
                        assertThat(value(event, Property.SUMMARY)).isEqualTo("Guitar lesson with Maria Lopez"));
        assertThat(body).doesNotContain("Cleo").doesNotContain(cleo.toString());
    }

    @Test
    void aClosedLessonIsCancelledWithTheClosuresReasonAndAHigherSequence() {
        String path = path(feedUrl("studentId", ben));
        UUID sixteenth = lessonAt(Instant.parse("2027-03-16T22:30:00Z"));
        assertThat(value(byUid(feed(path)).get(sixteenth + "@localhost"), Property.SEQUENCE))
                .isEqualTo("0");

        assertThat(http.postJson("/api/admin/closures", """
                                {"kind": "STUDIO_CLOSED", "startsOn": "2027-03-15", "endsOn": "2027-03-19",
                                 "reason": "Spring break"}
                                """, "Authorization", admin)
                        .statusCode())
                .isEqualTo(201);

        Map<String, VEvent> events = byUid(feed(path));
        VEvent closed = events.get(sixteenth + "@localhost");
        assertThat(value(closed, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(closed, Property.DESCRIPTION)).isEqualTo("Cancelled: the studio is closed (Spring break).");
        assertThat(value(closed, Property.SEQUENCE)).isEqualTo("1");
        assertThat(localStart(closed).toInstant()).isEqualTo(Instant.parse("2027-03-16T22:30:00Z"));
        assertThat(events.values())
                .filteredOn(event -> value(event, Property.STATUS).equals("CANCELLED"))
                .as("the closure's one Tuesday, nothing else")
                .hasSize(1);
    }

    @Test
    void aLessonMovedByReconciliationKeepsItsUidWithAHigherSequence() {
        String path = path(feedUrl("studentId", ben));
        Map<String, VEvent> before = byUid(feed(path));

        studio.update("update recurring_slot set start_time = '18:00' where id = ?", bensSlot);
        clock.set(IntegrationTestConfiguration.START.plus(Duration.ofHours(1)));
        generation.run(JobTrigger.MANUAL, null);

        Map<String, VEvent> after = byUid(feed(path));
        assertThat(after.keySet()).as("moved, not duplicated").isEqualTo(before.keySet());
        for (Lesson lesson : lessons("student_id", ben)) {
            VEvent event = after.get(lesson.id() + "@localhost");
            ZonedDateTime local = localStart(event);
            assertThat(local.toInstant()).isEqualTo(lesson.startAt());
            assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(18, 0));
            assertThat(value(event, Property.SEQUENCE)).isEqualTo("1");
            assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        }
    }

    @Test
    void anUnchangedFeedAnswers304AndAnyChangeANewEtag() {
        String path = path(feedUrl("teacherId", maria));
        HttpResponse<String> first = http.get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=300, private");

        double served = answered("served");
        double unchangedBefore = answered("unchanged");
        HttpResponse<String> unchanged = http.get(path, "If-None-Match", etag);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.headers().firstValue("ETag")).hasValue(etag);
        assertThat(unchanged.headers().firstValue("Cache-Control")).hasValue("max-age=300, private");
        assertThat(http.get(path, "If-None-Match", "\"other\", " + etag).statusCode())
                .as("one of several ETags")
                .isEqualTo(304);
        assertThat(http.get(path, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        assertThat(answered("unchanged") - unchangedBefore).isEqualTo(2);
        assertThat(answered("served") - served).isEqualTo(1);

        // A person cancels Cleo's first lesson in the studio app: the service did not write it, the
        // feed shows it all the same.
        UUID cleosFirst = lessons("student_id", cleo).get(0).id();
        jdbc.sql("update lesson set status = 'CANCELLED' where id = ?")
                .param(cleosFirst)
                .update();

        HttpResponse<String> changed = http.get(path, "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        VEvent cancelled = byUid(parseAndValidate(changed.body())).get(cleosFirst + "@localhost");
        assertThat(value(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(cancelled, Property.DESCRIPTION)).isEqualTo("Cancelled.");
        assertThat(value(cancelled, Property.SEQUENCE)).isEqualTo("1");
    }

    @Test
    void aRevokedFeedAnswers404AsOneNeverIssuedAndLeavesTheList() {
        JsonNode created = json(createFeed("{\"studentId\": \"" + ben + "\"}", 201));
        String path = path(created.get("url").asString());
        UUID id = UUID.fromString(created.get("id").asString());
        assertThat(http.get(path).statusCode()).isEqualTo(200);
        assertThat(json(http.get(FEEDS, "Authorization", admin)).get("data"))
                .extracting(feed -> feed.get("id").asString())
                .containsExactly(id.toString());

        HttpResponse<String> revoked = http.send("DELETE", FEEDS + "/" + id, null, "Authorization", admin);

        assertThat(revoked.statusCode()).isEqualTo(200);
        HttpResponse<String> gone = http.get(path);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
        assertThat(gone.body())
                .isEqualTo("There is no calendar at this address. The link may have been revoked:"
                        + " ask your studio for a new one.");
        double notFound = answered("not_found");
        HttpResponse<String> neverIssued =
                http.get("/calendar/" + FeedToken.random().value() + ".ics");
        assertThat(answered("not_found") - notFound).isEqualTo(1);
        assertThat(neverIssued.statusCode()).isEqualTo(404);
        assertThat(neverIssued.body()).isEqualTo(gone.body());
        assertThat(http.get("/calendar/not-a-token.ics").statusCode()).isEqualTo(404);
        assertThat(json(http.get(FEEDS, "Authorization", admin)).get("data")).isEmpty();
        HttpResponse<String> again = http.send("DELETE", FEEDS + "/" + id, null, "Authorization", admin);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(json(again).get("detail").asString())
                .isEqualTo("There is no calendar feed with the id '" + id + "' (it may have been revoked already).");
    }

    @Test
    void aLoopOfRequestsIsAnswered429WithoutTouchingTheDatabaseAndTheLinkWorksAgainAfterAnHour() {
        String path = path(feedUrl("studentId", ben));
        String other = path(feedUrl("studentId", cleo));
        for (int request = 1; request <= 60; request++) {
            assertThat(http.get(path).statusCode()).as("request %d", request).isEqualTo(200);
        }
        clock.set(IntegrationTestConfiguration.START.plus(Duration.ofMinutes(20)));

        double limitedBefore = answered("limited");
        HttpResponse<String> limited = http.get(path);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(answered("limited") - limitedBefore).isEqualTo(1);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("2400");
        assertThat(limited.body())
                .isEqualTo("This calendar link was asked for too often. Calendar apps try again on their own;"
                        + " to try yourself, wait 40 minutes.");
        assertThat(http.get(other).statusCode())
                .as("another link has its own count")
                .isEqualTo(200);

        jdbc.sql("delete from calendar_feed").update();
        statements.reset();
        for (int request = 0; request < 500; request++) {
            assertThat(http.get(path).statusCode()).isEqualTo(429);
        }
        assertThat(statements.executed())
                .as("no statement per refused request (a few may come from the application's background tasks)")
                .isLessThan(50);

        clock.set(IntegrationTestConfiguration.START.plus(Duration.ofHours(1)));
        assertThat(http.get(path).statusCode())
                .as("an hour after its first request the link is counted afresh; it was revoked meanwhile")
                .isEqualTo(404);
    }

    @Test
    void aLessonInAZoneNobodyKnowsIsGivenAtItsInstantInUtcAndAnAliasByItsCanonicalZone() {
        UUID mars = lessonAt(Instant.parse("2027-03-02T23:30:00Z"));
        UUID alias = lessonAt(Instant.parse("2027-03-09T23:30:00Z"));
        jdbc.sql("update lesson set timezone = 'Mars/Olympus_Mons' where id = ?")
                .param(mars)
                .update();
        jdbc.sql("update lesson set timezone = 'US/Central' where id = ?")
                .param(alias)
                .update();

        Calendar calendar = feed(path(feedUrl("studentId", ben)));

        DtStart<Temporal> utc = byUid(calendar).get(mars + "@localhost").getDateTimeStart();
        assertThat(utc.getParameter(Parameter.TZID)).isEmpty();
        assertThat(utc.getValue()).isEqualTo("20270302T233000Z");
        DtStart<Temporal> central = byUid(calendar).get(alias + "@localhost").getDateTimeStart();
        assertThat(central.getParameter(Parameter.TZID).map(Parameter::getValue))
                .hasValue("America/Chicago");
        assertThat(central.getValue()).isEqualTo("20270309T173000");
        assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE")).hasSize(1);
    }

    @Test
    void aFeedNeedsExactlyOneKnownTeacherOrStudent() {
        assertThat(detail(createFeed("{}", 400)))
                .isEqualTo("Send teacherId (a feed of all that teacher's lessons) or studentId (a feed of that"
                        + " student's lessons).");
        assertThat(detail(createFeed("{\"teacherId\": \"" + maria + "\", \"studentId\": \"" + ben + "\"}", 400)))
                .isEqualTo("Send teacherId or studentId, not both: a feed shows one teacher's lessons or one"
                        + " student's.");
        assertThat(detail(createFeed("{\"teacherId\": \"maria\"}", 400)))
                .isEqualTo("teacherId must be an id like 3f2c1d9e-8a4b-4c6d-9e0f-1a2b3c4d5e6f, not 'maria'.");
        assertThat(detail(createFeed("{\"studentId\": \"" + maria + "\"}", 400)))
                .isEqualTo("No student has the id " + maria + ": choose one of the studio's students.");
        assertThat(detail(createFeed("{\"teacherId\": \"" + ben + "\"}", 400)))
                .isEqualTo("No teacher has the id " + ben + ": choose one of the studio's teachers.");
        assertThat(detail(createFeed("[1, 2]", 400))).isNotBlank();
        assertThat(jdbc.sql("select count(*) from calendar_feed")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private HttpResponse<String> createFeed(String body, int status) {
        HttpResponse<String> response = http.postJson(FEEDS, body, "Authorization", admin);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private String feedUrl(String field, UUID id) {
        return json(createFeed("{\"" + field + "\": \"" + id + "\"}", 201))
                .get("url")
                .asString();
    }

    private Calendar feed(String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        return parseAndValidate(response.body());
    }

    /** The feed as a calendar app reads it; fails on anything RFC 5545 does not allow. */
    static Calendar parseAndValidate(String body) {
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(body));
            assertThat(calendar.validate().getEntries())
                    .as("RFC 5545 validation")
                    .isEmpty();
            return calendar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserException e) {
            throw new AssertionError("not iCalendar: " + e.getMessage() + "\n" + body, e);
        }
    }

    /**
     * The start as written: local time in the zone its TZID names, read with java.time. (ical4j's own
     * reading goes through rules it derives from the VTIMEZONE, which are an hour off in the week
     * before a second-Sunday change; {@link #offsetInItsVtimezone} checks the VTIMEZONE itself.)
     */
    static ZonedDateTime localStart(VEvent event) {
        DtStart<Temporal> start = event.getDateTimeStart();
        String zone = start.getParameter(Parameter.TZID)
                .map(Parameter::getValue)
                .orElseThrow(() -> new AssertionError("no TZID: " + start));
        return LocalDateTime.parse(start.getValue(), LOCAL).atZone(ZoneId.of(zone));
    }

    /** The UTC offset the event's VTIMEZONE gives at its start, as ical4j reads the definition. */
    static ZoneOffset offsetInItsVtimezone(Calendar calendar, VEvent event) {
        String zone = event.getDateTimeStart()
                .getParameter(Parameter.TZID)
                .orElseThrow()
                .getValue();
        VTimeZone definition = calendar.<VTimeZone>getComponents("VTIMEZONE").stream()
                .filter(candidate -> candidate
                        .getProperty(Property.TZID)
                        .orElseThrow()
                        .getValue()
                        .equals(zone))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no VTIMEZONE for " + zone));
        long millis = new net.fortuna.ical4j.model.TimeZone(definition)
                .getOffset(localStart(event).toInstant().toEpochMilli());
        return ZoneOffset.ofTotalSeconds((int) (millis / 1000));
    }

    static Map<String, VEvent> byUid(Calendar calendar) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .collect(Collectors.toMap(event -> value(event, Property.UID), Function.identity()));
    }

    static String value(VEvent event, String property) {
        return event.getProperty(property)
                .orElseThrow(() -> new AssertionError("no " + property))
                .getValue();
    }

    /** The service's count of feed requests with this outcome (lessons_calendar_feed_requests_total). */
    private double answered(String outcome) {
        return meters.get("lessons.calendar.feed.requests")
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    private static String path(String url) {
        return URI.create(url).getRawPath();
    }

    private static String token(String url) {
        String path = path(url);
        return path.substring("/calendar/".length(), path.length() - ".ics".length());
    }

    private static String detail(HttpResponse<String> response) {
        return json(response).get("detail").asString();
    }

    private UUID lessonAt(Instant startAt) {
        return jdbc.sql("select id from lesson where student_id = ? and start_at = ?")
                .params(ben, OffsetDateTime.ofInstant(startAt, ZoneOffset.UTC))
                .query(UUID.class)
                .single();
    }

    record Lesson(UUID id, UUID studentId, Instant startAt) {}

    private List<Lesson> lessons(String column, UUID owner) {
        return jdbc.sql("select id, student_id, start_at from lesson where " + column + " = ? order by start_at")
                .param(owner)
                .query((row, number) -> new Lesson(
                        row.getObject("id", UUID.class),
                        row.getObject("student_id", UUID.class),
                        row.getObject("start_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
