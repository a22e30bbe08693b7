package com.guitarstudio.lessons.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobTrigger;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The API description at {@code /v3/api-docs}: for admins only, valid OpenAPI 3.1 by a real parser
 * (swagger-parser), naming every {@code /api} endpoint the service has, and true: each operation is
 * called for real, and every answer's status is one the description lists for it, with a body whose
 * fields are the ones it describes (no field left out of the description, every required one there,
 * each of the described type).
 */
@IntegrationTest
class ApiDescriptionTests {

    @LocalServerPort
    int port;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    @Autowired
    LessonGenerationService generation;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    TestHttp http;
    String admin;
    String teacher;
    OpenAPI api;

    @BeforeEach
    void aStudioAndItsDescription() {
        studio.empty();
        clock.set(IntegrationTestConfiguration.START);
        studio.signInUsers();
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        http = new TestHttp(port);
        admin = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        teacher = http.bearerFor(TestUsers.TEACHER, TestUsers.PASSWORD);
        HttpResponse<String> description = http.get("/v3/api-docs", "Authorization", admin);
        assertThat(description.statusCode()).isEqualTo(200);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(description.body(), null, options);
        assertThat(parsed.getMessages()).as("what the parser found wrong").isEmpty();
        api = parsed.getOpenAPI();
    }

    @Test
    void onlyAdminsReadTheDescriptionAndSwaggerUi() {
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
        assertThat(api.getInfo().getTitle()).isEqualTo("Lesson service API");
        for (String path : List.of("/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui/index.html", "/swagger-ui.html")) {
            assertThat(http.get(path, "Authorization", teacher).statusCode())
                    .as(path)
                    .isEqualTo(403);
            assertThat(http.get(path).statusCode()).as(path).isEqualTo(302);
        }
        assertThat(http.get("/v3/api-docs.yaml", "Authorization", admin).body()).startsWith("openapi: 3.1.0");
        HttpResponse<String> swagger = http.get("/swagger-ui/index.html", "Authorization", admin);
        assertThat(swagger.statusCode()).isEqualTo(200);
        assertThat(swagger.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "connect-src 'self'")
                .doesNotContain("unsafe-eval");
    }

    @Test
    void everyApiEndpointIsDescribed() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods()
                .keySet()
                .forEach(mapping -> mapping.getPatternValues().stream()
                        .filter(pattern -> pattern.startsWith("/api/") || pattern.startsWith("/calendar/"))
                        .forEach(pattern -> mapping.getMethodsCondition().getMethods().stream()
                                .filter(method -> method != RequestMethod.HEAD) // answered 405, starts nothing
                                .forEach(method -> served.add(method + " " + pattern))));
        Set<String> described = new TreeSet<>();
        api.getPaths()
                .forEach((path, item) ->
                        item.readOperationsMap().keySet().forEach(method -> described.add(method + " " + path)));

        assertThat(described).isEqualTo(served);
    }

    @Test
    void everyOperationAnswersAsDescribed() {
        String cron = "Bearer " + IntegrationTest.CRON_SECRET;
        UUID run = generation.run(JobTrigger.MANUAL, null).jobLogId();
        String closure = """
                {"kind":"STUDIO_CLOSED","startsOn":"2027-03-15","endsOn":"2027-03-23","reason":"Spring break"}""";

        call("GET", "/api/admin/background-jobs/history", null, admin, 200);
        call("GET", "/api/admin/background-jobs/history?status=success", null, admin, 400);
        call("GET", "/api/admin/background-jobs/history?page=-1&size=5", null, admin, 400);
        call("GET", "/api/admin/background-jobs/history", null, null, 401);
        call("GET", "/api/admin/background-jobs/history", null, teacher, 403);
        call("GET", "/api/admin/background-jobs/runs/" + run + "?size=10", null, admin, 200);
        call("GET", "/api/admin/background-jobs/runs/" + UUID.randomUUID(), null, admin, 404);
        call("GET", "/api/admin/background-jobs/runs/" + run + "?size=0", null, admin, 400);
        call("GET", "/api/admin/background-jobs/preview", null, admin, 200);
        call("POST", "/api/admin/background-jobs/generate-lessons", null, admin, 200);
        call("GET", "/api/admin/closures", null, admin, 200);
        call("GET", "/api/admin/lesson-events?limit=5", null, admin, 200);
        call("GET", "/api/admin/lesson-events?limit=0", null, admin, 400);
        call("GET", "/api/admin/lesson-events", null, null, 401);
        call("GET", "/api/admin/closures?from=yesterday", null, admin, 400);
        call("POST", "/api/admin/closures/preview", closure, admin, 200);
        call("POST", "/api/admin/closures/preview", "{}", admin, 400);
        String id = call("POST", "/api/admin/closures", closure, admin, 201)
                .get("data")
                .get("id")
                .asString();
        call("POST", "/api/admin/closures", closure.replace("2027-03-23", "2027-03-01"), admin, 400);
        call("POST", "/api/admin/closures", closure, admin, 409);
        call("GET", "/api/admin/closures?from=2027-03-01&to=2027-03-31", null, admin, 200);
        call("DELETE", "/api/admin/closures/" + id, null, admin, 200);
        call("DELETE", "/api/admin/closures/" + id, null, admin, 404);
        call("POST", "/api/admin/calendar-feeds", "{}", admin, 400);
        JsonNode feed = call(
                "POST",
                "/api/admin/calendar-feeds",
                "{\"teacherId\":\"" + studio.teacherId("Maria Lopez") + "\"}",
                admin,
                201);
        String feedPath = URI.create(feed.get("url").asString()).getPath();
        call("GET", "/api/admin/calendar-feeds", null, admin, 200);
        call("GET", feedPath, null, null, 200);
        call("GET", "/calendar/" + "A".repeat(43) + ".ics", null, null, 404);
        call("DELETE", "/api/admin/calendar-feeds/" + feed.get("id").asString(), null, admin, 200);
        call("DELETE", "/api/admin/calendar-feeds/" + feed.get("id").asString(), null, admin, 404);
        call(
                "POST",
                "/api/auth/token",
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(TestUsers.ADMIN, TestUsers.PASSWORD),
                null,
                200);
        call("POST", "/api/auth/token", "{\"email\":\"nobody@studio.test\"}", null, 400);
        for (int attempt = 0; attempt < 5; attempt++) {
            call("POST", "/api/auth/token", "{\"email\":\"nobody@studio.test\",\"password\":\"guess\"}", null, 401);
        }
        call("POST", "/api/auth/token", "{\"email\":\"nobody@studio.test\",\"password\":\"guess\"}", null, 429);
        String leaving = http.bearerFor(TestUsers.TEACHER, TestUsers.PASSWORD);
        call("POST", "/api/auth/logout", null, leaving, 204);
        call("POST", "/api/auth/logout", null, leaving, 401);
        call("GET", "/api/cron/generate-lessons", null, cron, 200);
        call("POST", "/api/cron/generate-lessons", null, cron, 200);
        call("GET", "/api/cron/generate-lessons", null, "Bearer wrong", 401);
        studio.teacherWithOneSlot("Zed Unknown", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);
        call("POST", "/api/admin/background-jobs/generate-lessons", null, admin, 500);
        call("GET", "/api/cron/generate-lessons", null, cron, 500);

        assertThat(problems).isEmpty();
        Set<String> unanswered = new TreeSet<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    if (!succeeded.contains(method + " " + path)) {
                        unanswered.add(method + " " + path);
                    }
                }));
        assertThat(unanswered).as("operations never called with success").isEmpty();
    }

    private final List<String> problems = new ArrayList<>();
    private final Set<String> succeeded = new HashSet<>();

    /**
     * Calls the API and checks the answer against the description: the status is {@code expected} and
     * is listed for the operation, the body conforms to that response's schema for its content type.
     */
    private JsonNode call(String method, String pathAndQuery, String json, String authorization, int expected) {
        // The API answers JSON; the calendar feed answers calendar apps, which accept anything.
        List<String> headers =
                new ArrayList<>(List.of("Accept", pathAndQuery.startsWith("/api/") ? "application/json" : "*/*"));
        if (authorization != null) {
            headers.addAll(List.of("Authorization", authorization));
        }
        if (json != null) {
            headers.addAll(List.of("Content-Type", "application/json"));
        }
        HttpResponse<String> response = http.send(method, pathAndQuery, json, headers.toArray(String[]::new));
        String call = method + " " + pathAndQuery + " -> " + response.statusCode();
        assertThat(response.statusCode()).as(call + ": " + response.body()).isEqualTo(expected);
        String path = pathAndQuery.replaceFirst("\\?.*", "");
        Map.Entry<String, PathItem> described = api.getPaths().entrySet().stream()
                .filter(entry -> template(entry.getKey()).matcher(path).matches())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no described path matches " + path));
        Operation operation = described.getValue().readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
        assertThat(operation).as(call + " is described").isNotNull();
        ApiResponse documented = operation.getResponses().get(Integer.toString(expected));
        assertThat(documented).as(call + ": the status is described").isNotNull();
        if (expected < 300) {
            succeeded.add(method + " " + described.getKey());
        }
        if (expected == 204) {
            assertThat(response.body()).as(call).isEmpty();
            assertThat(documented.getContent())
                    .as(call + ": described without a body")
                    .isNullOrEmpty();
            return null;
        }
        String contentType =
                response.headers().firstValue("Content-Type").orElseThrow().replaceFirst(";.*", "");
        MediaType media =
                documented.getContent() == null ? null : documented.getContent().get(contentType);
        assertThat(media).as(call + ": " + contentType + " is described").isNotNull();
        if (contentType.startsWith("text/")) {
            assertThat(response.body()).as(call).isNotBlank();
            return null;
        }
        JsonNode body = TestHttp.json(response);
        conforms(body, media.getSchema(), call + " $");
        return body;
    }

    private static Pattern template(String path) {
        return Pattern.compile(path.replaceAll("\\{[^/]+}", "[^/]+"));
    }

    /** Adds to {@link #problems} where {@code value} is not what {@code schema} describes. */
    private void conforms(JsonNode value, Schema<?> schema, String where) {
        Schema<?> described = resolved(schema);
        if (value.isNull()) {
            return; // an absent value (a run that has not finished has no finishedAt)
        }
        Set<String> types = types(described);
        if (described.getEnum() != null && !described.getEnum().isEmpty()) {
            if (described.getEnum().stream().map(String::valueOf).noneMatch(value.asString()::equals)) {
                problems.add(where + ": " + value + " is not one of " + described.getEnum());
            }
        }
        if (types.contains("object") || described.getProperties() != null) {
            if (!value.isObject()) {
                problems.add(where + ": expected an object, got " + value);
                return;
            }
            Map<String, Schema> properties = described.getProperties() == null ? Map.of() : described.getProperties();
            for (String field : TestHttp.fieldNames(value)) {
                if (!properties.containsKey(field)) {
                    problems.add(where + "." + field + " is not described");
                } else {
                    conforms(value.get(field), properties.get(field), where + "." + field);
                }
            }
            if (described.getRequired() != null) {
                described.getRequired().stream()
                        .filter(field -> !value.has(field))
                        .forEach(field -> problems.add(where + "." + field + " is required but missing"));
            }
        } else if (types.contains("array")) {
            if (!value.isArray()) {
                problems.add(where + ": expected an array, got " + value);
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                conforms(value.get(i), described.getItems(), where + "[" + i + "]");
            }
        } else if (types.contains("string") && !value.isString()
                || types.contains("integer") && !value.isIntegralNumber()
                || types.contains("number") && !value.isNumber()
                || types.contains("boolean") && !value.isBoolean()) {
            problems.add(where + ": " + value + " is not of type " + types);
        }
    }

    private Schema<?> resolved(Schema<?> schema) {
        Schema<?> current = schema;
        while (current.get$ref() != null) {
            String name = current.get$ref().substring(current.get$ref().lastIndexOf('/') + 1);
            current = api.getComponents().getSchemas().get(name);
            assertThat(current).as("schema " + name).isNotNull();
        }
        return current;
    }

    private static Set<String> types(Schema<?> schema) {
        Set<String> types = new HashSet<>();
        if (schema.getTypes() != null) {
            types.addAll(schema.getTypes());
        }
        if (schema.getType() != null) {
            types.add(schema.getType());
        }
        return types;
    }
}
