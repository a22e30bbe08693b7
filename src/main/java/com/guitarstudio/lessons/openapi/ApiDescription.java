package com.guitarstudio.lessons.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the description says once for every operation: the two ways to authenticate (an admin's
 * token, the cron secret), the RFC 9457 problem detail every error comes as, and the answers the
 * security filters give before a controller is reached (401, 403, 503 while the database is down).
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    /** The schema of an RFC 9457 problem detail. */
    static final String PROBLEM = "Problem";

    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    static final String BEARER_TOKEN = "bearerToken";
    static final String CRON_SECRET = "cronSecret";
    static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI lessonServiceApi() {
        return new OpenAPI()
                .info(new Info().title("Lesson service API").version("1").description("""
                                Generates lessons from the studio's weekly recurring slots and reports on \
                                the runs. Admin operations need an admin's token: POST /api/auth/token \
                                with an admin's email and password, then send \
                                `Authorization: Bearer <token>` (in Swagger UI: Authorize). The cron \
                                endpoint needs `Authorization: Bearer <CRON_SECRET>` instead. Every \
                                error is a problem detail (application/problem+json) whose `detail` \
                                says what to fix; a 400 for a query parameter names it in `parameter`. \
                                Enum values (status, trigger, kind) are written in capitals, as the \
                                JSON writes them; other spellings are refused with a 400."""))
                .tags(List.of(
                        new Tag().name("Runs").description("Lesson generation: history, one run, preview, a run now"),
                        new Tag().name("Closures").description("Studio closures and teachers' time off"),
                        new Tag().name("Cron").description("For an external cron service"),
                        new Tag().name("Sign-in").description("Tokens for API clients")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER_TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("A token from POST /api/auth/token (12 hours); the admin"
                                                + " operations need an admin's. The admin page's cookie is not"
                                                + " accepted here."))
                        .addSecuritySchemes(
                                CRON_SECRET,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("The service's CRON_SECRET; when it is unset, anyone may call")));
    }

    private static Schema<?> problem() {
        return new ObjectSchema()
                .description("An RFC 9457 problem detail")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty(
                        "detail",
                        new StringSchema()
                                .description("What went wrong and what to fix")
                                .example("Query parameter 'status' must be one of RUNNING, SUCCESS, PARTIAL, FAILED,"
                                        + " SKIPPED, ABANDONED (in capitals), not 'DONE'"))
                .addProperty("instance", new StringSchema().example("/api/admin/background-jobs/history"))
                .addProperty(
                        "parameter",
                        new StringSchema()
                                .description("The query parameter or field to fix, when there is one")
                                .example("status"))
                .required(List.of("title", "status", "detail"));
    }

    /**
     * Who may call each operation, and the answers it can get before its controller runs: admin
     * operations need the admin token (401 without a valid one, 403 for someone who is not an admin),
     * the cron endpoint the cron secret (401); any of them can meet a database that is down (503).
     * An error response a controller declares without a body of its own is a problem detail: the
     * controllers say when and why, this says what it looks like.
     */
    @Bean
    OpenApiCustomizer securityAndProblems() {
        return api -> {
            api.setServers(List.of(new Server().url("/").description("This service")));
            api.getComponents().addSchemas(PROBLEM, problem());
            api.getPaths().forEach((path, item) -> {
                for (Operation operation : item.readOperations()) {
                    if (path.startsWith("/api/admin/") || path.equals("/api/auth/logout")) {
                        operation.addSecurityItem(new SecurityRequirement().addList(BEARER_TOKEN));
                        add(operation, "401", "No token, or one that is not valid, signed out or expired");
                    }
                    if (path.startsWith("/api/admin/")) {
                        add(operation, "403", "The token is not an admin's");
                    }
                    if (path.startsWith("/api/cron/")) {
                        // the cron endpoint answers in shapes of its own, which its controller describes
                        operation.addSecurityItem(new SecurityRequirement().addList(CRON_SECRET));
                        continue;
                    }
                    add(operation, "503", "The database cannot be reached; try again after Retry-After seconds");
                    operation.getResponses().forEach((status, response) -> {
                        if (status.startsWith("4") || status.startsWith("5")) {
                            if (response.getContent() == null
                                    || response.getContent().isEmpty()) {
                                response.setContent(problemContent());
                            } else if (status.startsWith("5")) {
                                // an unexpected error or a database outage answers as a problem too
                                response.getContent().putIfAbsent(PROBLEM_JSON, problemMediaType());
                            }
                        }
                    });
                }
            });
        };
    }

    /** A response the security filters give; a controller's own response with that status keeps its words. */
    private static void add(Operation operation, String status, String description) {
        operation.getResponses().putIfAbsent(status, new ApiResponse().description(description));
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, problemMediaType());
    }

    private static MediaType problemMediaType() {
        return new MediaType().schema(new Schema<>().$ref(PROBLEM_REF));
    }
}
