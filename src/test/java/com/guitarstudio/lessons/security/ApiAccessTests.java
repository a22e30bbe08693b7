package com.guitarstudio.lessons.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who may call what: every API endpoint against every kind of caller, over real HTTP. */
@IntegrationTest
class ApiAccessTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    private static final UUID CLOSURE = UUID.fromString("c1c1c1c1-0000-4000-8000-000000000001");

    private static final UUID FEED = UUID.fromString("fee0fee0-0000-4000-8000-000000000001");

    /** The token of {@link #FEED}'s link. */
    private static final String FEED_TOKEN = "calendarFeedTokenOfTheAccessTests_012345678";

    TestHttp http;

    @BeforeEach
    void users() {
        studio.empty();
        studio.signInUsers();
        clock.set(IntegrationTestConfiguration.START);
        http = new TestHttp(port);
    }

    @Test
    void everyEndpointAnswersEveryKindOfCallerAsDocumented() {
        clock.set(IntegrationTestConfiguration.START.minus(Duration.ofHours(13)));
        String expired = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        clock.set(IntegrationTestConfiguration.START);
        Map<String, String[]> callers = new LinkedHashMap<>();
        callers.put("no credentials", new String[0]);
        callers.put("bad token", new String[] {"Authorization", "Bearer not-a-token"});
        callers.put("expired token", new String[] {"Authorization", expired});
        callers.put("student", authorization(TestUsers.STUDENT));
        callers.put("non-admin teacher", authorization(TestUsers.TEACHER));
        callers.put("admin teacher", authorization(TestUsers.ADMIN_TEACHER));
        callers.put("ADMIN", authorization(TestUsers.ADMIN));
        callers.put("metrics token", new String[] {"Authorization", "Bearer " + IntegrationTest.METRICS_TOKEN});
        // the admin page's cookie, sent by a browser to the API from a form on another site: the API
        // takes bearer tokens only, so it is no one
        callers.put("admin's page cookie", new String[] {
            "Cookie",
            "lessons_token="
                    + http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD).substring(7),
            "Origin",
            "https://evil.example.com"
        });

        String wrongPassword = "{\"email\":\"" + TestUsers.ADMIN + "\",\"password\":\"wrong\"}";
        String closure =
                "{\"kind\":\"STUDIO_CLOSED\",\"startsOn\":\"2027-03-15\",\"endsOn\":\"2027-03-16\",\"reason\":\"x\"}";
        UUID teacher = jdbc.sql("select id from teacher_profile order by id limit 1")
                .query(UUID.class)
                .single();
        String feed = "{\"teacherId\":\"" + teacher + "\"}";
        UUID run = studio.jobLogRow("SUCCESS", IntegrationTestConfiguration.START.minus(Duration.ofHours(1)));
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        // callers:                                          none bad  exp  stud teach adm-t ADMIN metrics cookie
        expected.put("GET /api/cron/generate-lessons", List.of(401, 401, 401, 401, 401, 401, 401, 401, 401));
        expected.put("POST /api/cron/generate-lessons", List.of(401, 401, 401, 401, 401, 401, 401, 401, 401));
        expected.put("GET /api/admin/background-jobs/history", List.of(401, 401, 401, 403, 403, 200, 200, 401, 401));
        expected.put(
                "GET /api/admin/background-jobs/runs/" + run, List.of(401, 401, 401, 403, 403, 200, 200, 401, 401));
        expected.put("GET /api/admin/background-jobs/preview", List.of(401, 401, 401, 403, 403, 200, 200, 401, 401));
        expected.put(
                "POST /api/admin/background-jobs/generate-lessons",
                List.of(401, 401, 401, 403, 403, 200, 200, 401, 401));
        expected.put("GET /api/admin/lesson-events", List.of(401, 401, 401, 403, 403, 200, 200, 401, 401));
        expected.put("GET /api/admin/closures", List.of(401, 401, 401, 403, 403, 200, 200, 401, 401));
        expected.put("POST /api/admin/closures/preview", List.of(401, 401, 401, 403, 403, 200, 200, 401, 401));
        expected.put("POST /api/admin/closures", List.of(401, 401, 401, 403, 403, 201, 201, 401, 401));
        expected.put("DELETE /api/admin/closures/" + CLOSURE, List.of(401, 401, 401, 403, 403, 200, 200, 401, 401));
        expected.put("GET /api/admin/calendar-feeds", List.of(401, 401, 401, 403, 403, 200, 200, 401, 401));
        expected.put("POST /api/admin/calendar-feeds", List.of(401, 401, 401, 403, 403, 201, 201, 401, 401));
        expected.put("DELETE /api/admin/calendar-feeds/" + FEED, List.of(401, 401, 401, 403, 403, 200, 200, 401, 401));
        // the feed itself: the link is the proof, whatever else the caller sends
        expected.put("GET /calendar/" + FEED_TOKEN + ".ics", List.of(200, 200, 200, 200, 200, 200, 200, 200, 200));
        expected.put("POST /api/auth/token", List.of(401, 401, 401, 401, 401, 401, 401, 401, 401));
        // health is public: a token that is no longer valid (or is not a JWT) is no token at all there
        expected.put("GET /actuator/health", List.of(200, 200, 200, 200, 200, 200, 200, 200, 200));
        expected.put("GET /actuator/prometheus", List.of(401, 401, 401, 403, 403, 200, 200, 200, 401));
        // last: it signs each caller's token out
        expected.put("POST /api/auth/logout", List.of(401, 401, 401, 204, 204, 204, 204, 401, 401));

        SoftAssertions softly = new SoftAssertions();
        expected.forEach((endpoint, statuses) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            int column = 0;
            for (Map.Entry<String, String[]> caller : callers.entrySet()) {
                String body = !method.equals("POST")
                        ? null
                        : path.equals("/api/auth/token")
                                ? wrongPassword
                                : path.startsWith("/api/admin/closures")
                                        ? closure
                                        : path.startsWith("/api/admin/calendar-feeds") ? feed : null;
                // each caller finds what the one before it found: no lockout, no closure, the closure to delete
                jdbc.sql("delete from login_failure").update();
                jdbc.sql("delete from studio_closure").update();
                jdbc.sql(
                                "insert into studio_closure (id, kind, starts_on, ends_on, reason) values (?, 'STUDIO_CLOSED', date '2027-04-01', date '2027-04-01', 'x')")
                        .param(CLOSURE)
                        .update();
                jdbc.sql("delete from calendar_feed").update();
                jdbc.sql(
                                "insert into calendar_feed (id, teacher_id, token_hash) values (?, ?, sha256(convert_to(?, 'UTF8')))")
                        .params(FEED, teacher, FEED_TOKEN)
                        .update();
                String[] headers = body == null
                        ? caller.getValue()
                        : concat(caller.getValue(), "Content-Type", "application/json");
                HttpResponse<String> response = http.send(method, path, body, headers);
                softly.assertThat(response.statusCode())
                        .as("%s by %s", endpoint, caller.getKey())
                        .isEqualTo(statuses.get(column++));
                if (response.statusCode() >= 400) {
                    softly.assertThat(response.headers().firstValue("Content-Type"))
                            .as("%s by %s: JSON error body", endpoint, caller.getKey())
                            .hasValueSatisfying(type -> assertThat(type).contains("json"));
                }
            }
        });
        softly.assertAll();
    }

    /**
     * The probe's attack: a form on a sibling site posts to the API with the admin's page cookie.
     * The API takes bearer tokens only, so nothing starts and nothing is deleted; the same calls with
     * the bearer token work.
     */
    @Test
    void thePagesCookieDoesNotWorkOnTheApi() {
        String bearer = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        String cookie = "lessons_token=" + bearer.substring("Bearer ".length());
        String closure = TestHttp.json(http.postJson("/api/admin/closures", """
                                {"kind":"STUDIO_CLOSED","startsOn":"2027-03-15","endsOn":"2027-03-16","reason":"x"}""", "Authorization", bearer))
                .get("data")
                .get("id")
                .asString();

        HttpResponse<String> run = http.post(
                "/api/admin/background-jobs/generate-lessons",
                null,
                "Cookie",
                cookie,
                "Origin",
                "https://evil.example.com");
        HttpResponse<String> delete = http.send(
                "DELETE",
                "/api/admin/closures/" + closure,
                null,
                "Cookie",
                cookie,
                "Origin",
                "https://evil.example.com");

        assertThat(run.statusCode()).isEqualTo(401);
        assertThat(delete.statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from job_log").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from studio_closure")
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(http.send("DELETE", "/api/admin/closures/" + closure, null, "Authorization", bearer)
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get("/admin/background-jobs", "Cookie", cookie, "Accept", "text/html")
                        .statusCode())
                .as("the cookie is still the page's")
                .isEqualTo(200);
    }

    /**
     * The pages, by the page's cookie: no one is sent to sign in, a signed-in user who is no admin is
     * refused, an admin sees the page.
     */
    @Test
    void everyPageAnswersEveryKindOfSignedInUserAsDocumented() {
        UUID run = studio.jobLogRow("SUCCESS", IntegrationTestConfiguration.START.minus(Duration.ofHours(1)));
        Map<String, String> cookies = new LinkedHashMap<>();
        cookies.put("no one", null);
        cookies.put("student", cookie(TestUsers.STUDENT));
        cookies.put("non-admin teacher", cookie(TestUsers.TEACHER));
        cookies.put("admin teacher", cookie(TestUsers.ADMIN_TEACHER));
        cookies.put("ADMIN", cookie(TestUsers.ADMIN));
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        // signed in as:                                       none stud teach adm-t ADMIN
        // the start page sends everyone on: to sign in, or to the background jobs (refused there if no admin)
        expected.put("/", List.of(302, 302, 302, 302, 302));
        expected.put("/admin/background-jobs", List.of(302, 403, 403, 200, 200));
        expected.put("/admin/background-jobs/runs/" + run, List.of(302, 403, 403, 200, 200));
        expected.put("/admin/background-jobs/preview", List.of(302, 403, 403, 200, 200));
        expected.put("/admin/lessons", List.of(302, 403, 403, 200, 200));
        expected.put("/admin/closures", List.of(302, 403, 403, 200, 200));
        expected.put("/admin/calendar-feeds", List.of(302, 403, 403, 200, 200));

        SoftAssertions softly = new SoftAssertions();
        expected.forEach((path, statuses) -> {
            int column = 0;
            for (Map.Entry<String, String> signedIn : cookies.entrySet()) {
                HttpResponse<String> response = signedIn.getValue() == null
                        ? http.get(path, "Accept", "text/html")
                        : http.get(path, "Accept", "text/html", "Cookie", signedIn.getValue());
                int status = statuses.get(column++);
                softly.assertThat(response.statusCode())
                        .as("%s by %s", path, signedIn.getKey())
                        .isEqualTo(status);
                if (status == 302) {
                    String to = signedIn.getValue() == null ? "/login" : "/admin/background-jobs";
                    softly.assertThat(response.headers().firstValue("Location"))
                            .as("%s by %s", path, signedIn.getKey())
                            .hasValueSatisfying(location -> assertThat(location).endsWith(to));
                }
                if (status >= 400) {
                    softly.assertThat(response.headers().firstValue("Content-Type"))
                            .as("%s by %s: an HTML error page", path, signedIn.getKey())
                            .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
                }
            }
        });
        softly.assertAll();
    }

    @Test
    void unauthorizedApiAnswersSayHowToSignInAndAskForABearerToken() {
        HttpResponse<String> response = http.get("/api/admin/background-jobs/history");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(TestHttp.json(response).get("detail").asString()).contains("POST /api/auth/token");
    }

    @Test
    void forbiddenApiAnswersAreProblemDetails() {
        HttpResponse<String> response =
                http.get("/api/admin/background-jobs/history", authorization(TestUsers.TEACHER));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(TestHttp.fieldNames(TestHttp.json(response))).contains("title", "status", "detail", "instance");
    }

    private String cookie(String email) {
        return "lessons_token=" + http.bearerFor(email, TestUsers.PASSWORD).substring("Bearer ".length());
    }

    private String[] authorization(String email) {
        return new String[] {"Authorization", http.bearerFor(email, TestUsers.PASSWORD)};
    }

    private static String[] concat(String[] headers, String... more) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }
}
