package com.guitarstudio.lessons.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.RawHttp;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every parameter of the history, the runs and the closures, in the API and on the pages, given
 * values nobody should send: dates Java reads and PostgreSQL does not, numbers past any type,
 * unicode of every kind, control characters, halves of characters, very long text, JSON of the
 * wrong type, percent-encoding that is not. Generated from a fixed seed, so a failure repeats. No
 * answer may be a 5xx; every 4xx of the API is a problem detail that says what is wrong, and every
 * 4xx of a page is a page.
 */
@IntegrationTest
class ParameterFuzzTests {

    /** How many random values each parameter gets besides the fixed ones. */
    private static final int RANDOM_VALUES = 12;

    private static final List<String> VALUES = List.of(
            "",
            " ",
            "+294277-01-01",
            "+294276-12-31",
            "-4714-01-01",
            "-999999999-01-01",
            "0000-01-01",
            "0001-01-01",
            "9999-12-31",
            "+10000-01-01",
            "2027-02-30",
            "2027-13-01",
            "2027-03-15T00:00:00Z",
            "20270315",
            "-1",
            "0",
            "1",
            "2147483648",
            "9223372036854775808",
            "1e10",
            "1.5",
            "٣",
            "+5",
            "0x10",
            "NaN",
            "SUCCESS",
            "success",
            "MANUAL",
            "STUDIO_CLOSED",
            "00000000-0000-0000-0000-000000000000",
            "not-a-uuid",
            "🎸 Gitarre ﷽ ‮reversed",
            "e\u0301\u0301\u0301",
            "\u0000",
            "a\u0001b",
            "\u007f",
            "\ud800",
            "\udfff x",
            "' or 1=1 --",
            "%",
            "<script>alert(1)</script>",
            "x".repeat(5_000));

    private static final List<String> RAW_QUERIES = List.of("%", "%zz", "%ED%A0%80", "%C0%AF", "%FF%FE", "a%00b");

    @LocalServerPort
    int port;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    @Autowired
    LessonGenerationService generation;

    TestHttp http;
    String admin;
    String cookie;
    UUID run;
    final List<String> problems = new ArrayList<>();
    int requests;

    @BeforeEach
    void aSmallStudioWithARun() {
        studio.empty();
        clock.set(IntegrationTestConfiguration.START);
        studio.signInUsers();
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        run = generation.run(JobTrigger.MANUAL, null).jobLogId();
        http = new TestHttp(port);
        admin = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        cookie = "lessons_token=" + admin.substring("Bearer ".length());
    }

    @Test
    void noParameterValueEverCausesAServerErrorAndEveryClientErrorSaysWhy() {
        List<String> values = values();
        Map<String, List<String>> queries = new LinkedHashMap<>();
        queries.put(
                "/api/admin/background-jobs/history",
                List.of("status", "trigger", "from", "to", "page", "size", "limit"));
        queries.put("/api/admin/background-jobs/runs/" + run, List.of("page", "size", "search"));
        queries.put("/api/admin/closures", List.of("from", "to"));
        queries.put("/admin/background-jobs", List.of("status", "trigger", "from", "to", "page", "run"));
        queries.put("/admin/background-jobs/runs/" + run, List.of("page", "search"));
        queries.put("/admin/lessons", List.of("teacher", "student", "closure", "week"));

        for (String value : values) {
            queries.forEach((path, parameters) -> {
                for (String parameter : parameters) {
                    get(path + "?" + parameter + "=" + encoded(value));
                }
            });
            get("/api/admin/background-jobs/runs/" + encoded(value));
            get("/admin/background-jobs/runs/" + encoded(value));
            delete("/api/admin/closures/" + encoded(value));
            for (String field : List.of("teacherId", "kind", "startsOn", "endsOn", "reason")) {
                String body = closure(field, json(value));
                post("/api/admin/closures/preview", body);
                post("/api/admin/closures", body);
            }
            delete("/api/admin/calendar-feeds/" + encoded(value));
            post("/api/admin/calendar-feeds", "{\"teacherId\":" + json(value) + "}");
            post("/api/admin/calendar-feeds", "{\"studentId\":" + json(value) + "}");
            feed("/calendar/" + encoded(value) + ".ics");
            feed("/calendar/" + encoded(value));
        }
        for (String wrongType : List.of("0", "-1.5e400", "true", "[]", "{}", "[\"2027-03-15\"]", "null")) {
            post("/api/admin/calendar-feeds", "{\"teacherId\":" + wrongType + "}");
            post("/api/admin/calendar-feeds", "{\"studentId\":" + wrongType + "}");
        }
        for (String wrongType : List.of("0", "-1.5e400", "true", "[]", "{}", "[\"2027-03-15\"]", "null")) {
            for (String field : List.of("teacherId", "kind", "startsOn", "endsOn", "reason")) {
                post("/api/admin/closures", closure(field, wrongType));
            }
        }
        for (String body : List.of("", "{", "[]", "\"text\"", "null", "{\"kind\":", "{}".repeat(10_000))) {
            post("/api/admin/closures/preview", body);
        }
        for (String raw : RAW_QUERIES) {
            for (String path : List.of(
                    "/api/admin/background-jobs/history?from=",
                    "/admin/background-jobs?status=",
                    "/admin/lessons?week=")) {
                RawHttp.Answer answer = RawHttp.send(
                        port,
                        "GET",
                        path + raw,
                        RawHttp.header("Authorization", admin),
                        RawHttp.header("Cookie", cookie));
                requests++;
                if (answer.status() >= 500) {
                    problems.add("GET " + path + raw + " -> " + answer.status());
                }
            }
        }

        assertThat(requests).isGreaterThan(1_500);
        assertThat(problems).isEmpty();
    }

    /** The fixed values, then random ones drawn from all of them at once. */
    private static List<String> values() {
        Random random = new Random(20261206);
        List<String> values = new ArrayList<>(VALUES);
        String alphabet = "0123456789-+:.TZ ,;%&=?#/\\\"'<>[]{}aZé€🎸\u0000\u0007\u001b\t\n\r\u2028\u200b\ufeff\ud800";
        for (int i = 0; i < RANDOM_VALUES; i++) {
            StringBuilder value = new StringBuilder();
            int length = 1 + random.nextInt(i % 3 == 0 ? 300 : 20);
            for (int c = 0; c < length; c++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            values.add(value.toString());
        }
        return values;
    }

    private void get(String pathAndQuery) {
        boolean api = pathAndQuery.startsWith("/api/");
        HttpResponse<String> response = api
                ? http.get(pathAndQuery, "Authorization", admin, "Accept", "application/json")
                : http.get(pathAndQuery, "Cookie", cookie, "Accept", "*/*");
        check("GET " + shortened(pathAndQuery), response, api);
    }

    /** A calendar feed's link, as a calendar app asks for it: anything that is no feed is a 404. */
    private void feed(String path) {
        requests++;
        HttpResponse<String> response = http.get(path, "Accept", "*/*");
        if (response.statusCode() != 404 && response.statusCode() != 400) {
            problems.add("GET " + shortened(path) + " -> " + response.statusCode() + " " + shortened(response.body()));
        }
    }

    private void delete(String path) {
        check("DELETE " + shortened(path), http.send("DELETE", path, null, "Authorization", admin), true);
    }

    private void post(String path, String json) {
        check(
                "POST " + path + " " + shortened(json),
                http.postJson(path, json, "Authorization", admin, "Accept", "application/json"),
                true);
    }

    private void check(String call, HttpResponse<String> response, boolean api) {
        requests++;
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            problems.add(call + " -> " + status + " " + shortened(response.body()));
        } else if (status >= 400 && api) {
            if (!type.startsWith("application/problem+json")) {
                problems.add(call + " -> " + status + " as " + type);
                return;
            }
            JsonNode problem = TestHttp.json(response);
            if (problem.path("status").asInt() != status
                    || problem.path("detail").asString("").isBlank()) {
                problems.add(call + " -> " + status + " without a detail: " + shortened(response.body()));
            }
        } else if (status >= 400 && !type.startsWith("text/html")) {
            problems.add(call + " -> " + status + " as " + type + ", not a page");
        }
    }

    private static String closure(String field, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", "\"STUDIO_CLOSED\"");
        fields.put("startsOn", "\"2027-03-15\"");
        fields.put("endsOn", "\"2027-03-16\"");
        fields.put("reason", "\"Spring break\"");
        fields.put(field, value);
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, text) -> json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(name)
                .append("\":")
                .append(text));
        return json.append('}').toString();
    }

    /** {@code value} as a JSON string, every character outside printable ASCII escaped. */
    private static String json(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String shortened(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
