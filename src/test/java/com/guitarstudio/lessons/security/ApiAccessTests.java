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
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        // callers:                                          none bad  exp  stud teach adm-t ADMIN metrics cookie
        expected.put("GET /api/cron/generate-lessons", List.of(401, 401, 401, 401, 401, 401, 401, 401, 401));
        expected.put("POST /api/cron/generate-lessons", List.of(401, 401, 401, 401, 401, 401, 401, 401, 401));
        expected.put("GET /api/admin/background-jobs/history", List.of(401, 401, 401, 403, 403, 200, 200, 401, 401));
        expected.put(
                "POST /api/admin/background-jobs/generate-lessons",
                List.of(401, 401, 401, 403, 403, 200, 200, 401, 401));
        expected.put("GET /api/admin/lesson-events", List.of(401, 401, 401, 403, 403, 200, 200, 401, 401));
        expected.put("POST /api/auth/token", List.of(401, 401, 401, 401, 401, 401, 401, 401, 401));
        // health is public: a token that is no longer valid (or is not a JWT) is no token at all there
        expected.put("GET /actuator/health", List.of(200, 200, 200, 200, 200, 200, 200, 200, 200));
        expected.put("GET /actuator/prometheus", List.of(401, 401, 401, 403, 403, 200, 200, 200, 401));

        SoftAssertions softly = new SoftAssertions();
        expected.forEach((endpoint, statuses) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            int column = 0;
            for (Map.Entry<String, String[]> caller : callers.entrySet()) {
                String body = path.equals("/api/auth/token") ? wrongPassword : null;
                if (body != null) {
                    // each caller's wrong password is its first: the lockout is another test's
                    jdbc.sql("delete from login_failure").update();
                }
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

    private String[] authorization(String email) {
        return new String[] {"Authorization", http.bearerFor(email, TestUsers.PASSWORD)};
    }

    private static String[] concat(String[] headers, String... more) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }
}
