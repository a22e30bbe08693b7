package com.guitarstudio.lessons.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.RawHttp;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a careless or hostile client can send, byte for byte: each gets a 4xx that says what to fix,
 * starts nothing, and leaves no stack trace in the log.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ClientBytesTests {

    /** "snow ☃" as UTF-8 bytes, which HTTP headers do not carry as text. */
    private static final byte[] SNOWMAN = {'s', 'n', 'o', 'w', ' ', (byte) 0xe2, (byte) 0x98, (byte) 0x83};

    @LocalServerPort
    int port;

    @Autowired
    StudioFixtures studio;

    @Autowired
    JdbcClient jdbc;

    TestHttp http;

    @BeforeEach
    void studio() {
        studio.empty();
        studio.signInUsers();
        studio.teacherWithOneSlot("Bytes", "UTC", java.time.DayOfWeek.MONDAY, java.time.LocalTime.NOON);
        http = new TestHttp(port);
    }

    @Test
    void aCronCallWithRawUtf8InItsUserAgentIs400AndStartsNothing(CapturedOutput output) {
        RawHttp.Answer answer = raw(
                "GET",
                "/api/cron/generate-lessons",
                RawHttp.header("Authorization", "Bearer " + IntegrationTest.CRON_SECRET),
                RawHttp.header("User-Agent", SNOWMAN));

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.text()).contains("application/problem+json", "send headers as plain ASCII text");
        assertThat(runs()).isZero();
        assertThat(output).doesNotContain("\tat ");
    }

    @Test
    void rawUtf8InAHeaderIsNeverA500Anywhere(CapturedOutput output) {
        String token = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        // only the cron endpoint keeps the User-Agent (in the job log): everywhere else it is not read
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("/api/admin/background-jobs/history", 200);
        expected.put("/admin/background-jobs", 200);
        expected.put("/login", 200);
        expected.put("/actuator/health", 200);
        expected.put("/nowhere", 404);
        expected.forEach((path, status) -> {
            RawHttp.Answer answer =
                    raw("GET", path, RawHttp.header("Authorization", token), RawHttp.header("User-Agent", SNOWMAN));
            assertThat(answer.status()).as(path).isEqualTo(status);
        });
        assertThat(output).doesNotContain("\tat ");
    }

    @Test
    void headOnTheCronEndpointIs405AndStartsNothing() {
        HttpResponse<String> head = http.send(
                "HEAD", "/api/cron/generate-lessons", null, "Authorization", "Bearer " + IntegrationTest.CRON_SECRET);

        assertThat(head.statusCode()).isEqualTo(405);
        assertThat(head.headers().firstValue("Allow")).hasValue("GET,POST");
        assertThat(runs()).isZero();
    }

    @Test
    void aNulInTheTokenEndpointsEmailIs400(CapturedOutput output) {
        HttpResponse<String> answer =
                http.postJson("/api/auth/token", "{\"email\":\"admin\\u0000@studio.test\",\"password\":\"secret\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(TestHttp.json(answer).get("detail").asString()).contains("control characters");
        assertThat(output).doesNotContain("\tat ");
    }

    @Test
    void aNulInTheLoginFormIs400WithTheErrorPage(CapturedOutput output) {
        TestHttp.Form form = http.form("/login", "");
        HttpResponse<String> answer = http.submit("/login", form, "email=admin%00%40studio.test&password=x");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(answer.body()).contains("The parameter &#39;email&#39; holds control characters");
        assertThat(output).doesNotContain("\tat ");
    }

    @Test
    void aControlCharacterInAnyQueryParameterIs400() {
        String token = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        HttpResponse<String> answer =
                http.get("/api/admin/background-jobs/history?status=SUCCESS%01", "Authorization", token);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(answer).get("detail").asString())
                .isEqualTo("The parameter 'status' holds control characters (such as NUL); send plain text");
    }

    /** A page answers with a page whatever the client asks for: a NUL in its query was answered JSON. */
    @Test
    void aNulInAPagesQueryIsTheErrorPage() {
        String cookie = "lessons_token="
                + http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD).substring("Bearer ".length());

        for (String accept : new String[] {"*/*", "application/json", "text/html"}) {
            HttpResponse<String> answer =
                    http.get("/admin/background-jobs?status=%00", "Cookie", cookie, "Accept", accept);
            assertThat(answer.statusCode()).as(accept).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
                    .as(accept)
                    .startsWith("text/html");
            assertThat(answer.body()).contains("The parameter &#39;status&#39; holds control characters");
        }
        assertThat(http.get("/admin/no-such-page", "Cookie", cookie, "Accept", "*/*")
                        .headers()
                        .firstValue("Content-Type")
                        .orElseThrow())
                .as("an unknown page")
                .startsWith("text/html");
        assertThat(http.get("/api/admin/background-jobs/history?status=%00", "Accept", "text/html")
                        .headers()
                        .firstValue("Content-Type")
                        .orElseThrow())
                .as("the API stays JSON")
                .startsWith("application/problem+json");
    }

    @Test
    void aPageNumberFarOutOfRangeIs400() {
        String token = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        String cookie = "lessons_token=" + token.substring("Bearer ".length());

        for (String page : new String[] {"2000000000", "99999999999999999999", "-1"}) {
            HttpResponse<String> answer =
                    http.get("/admin/background-jobs?page=" + page, "Cookie", cookie, "Accept", "text/html");
            assertThat(answer.statusCode()).as(page).isEqualTo(400);
            HttpResponse<String> api =
                    http.get("/api/admin/background-jobs/history?page=" + page, "Authorization", token);
            assertThat(api.statusCode()).as(page).isEqualTo(400);
        }
    }

    private long runs() {
        return jdbc.sql("select count(*) from job_log").query(Long.class).single();
    }

    private RawHttp.Answer raw(String method, String path, byte[]... headers) {
        return RawHttp.send(port, method, path, headers);
    }
}
