package com.guitarstudio.lessons.cron;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.guitarstudio.lessons.generation.GenerationResult;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import com.guitarstudio.lessons.web.RunAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET|POST /api/cron/generate-lessons}, for external cron services (Vercel Cron sends GET
 * with {@code Authorization: Bearer <CRON_SECRET>} and {@code User-Agent: vercel-cron/1.0}); the
 * secret is checked by {@link CronSecurityConfiguration} before a request gets here. The answer is
 * the run's result in the endpoint's documented JSON shape.
 */
@RestController
@Tag(name = "Cron")
class CronController {

    private final LessonGenerationService generation;
    private final MessageSourceAccessor messages;
    private final Clock clock;

    CronController(LessonGenerationService generation, MessageSourceAccessor messages, Clock clock) {
        this.generation = generation;
        this.messages = messages;
        this.clock = clock;
    }

    @RequestMapping(
            path = "/api/cron/generate-lessons",
            method = {RequestMethod.GET, RequestMethod.POST})
    @Operation(
            operationId = "cronRun",
            summary = "Generate lessons, for an external cron service (Vercel Cron sends GET)",
            description = "Runs lesson generation and answers when it has ended. GET and POST do the same;"
                    + " the User-Agent is recorded as who started the run.")
    @ApiResponse(
            responseCode = "200",
            description = "The run succeeded",
            content = @Content(schema = @Schema(implementation = Ran.class)))
    @ApiResponse(
            responseCode = "401",
            description = "The cron secret is missing or wrong (also sent with WWW-Authenticate: Bearer)",
            content = @Content(schema = @Schema(implementation = CronSecurityConfiguration.Unauthorized.class)))
    @ApiResponse(
            responseCode = "409",
            description = "A run is already going: none was started",
            content = @Content(schema = @Schema(implementation = Skipped.class)))
    @ApiResponse(
            responseCode = "500",
            description = "The run ended with errors (PARTIAL) or failed (FAILED): `errors` says why",
            content = @Content(schema = @Schema(implementation = Ran.class)))
    @ApiResponse(
            responseCode = "503",
            description = "The database went away during the run",
            content = @Content(schema = @Schema(implementation = Ran.class)))
    ResponseEntity<Object> generate(
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.USER_AGENT, required = false)
                    String userAgent) {
        GenerationResult result = generation.run(JobTrigger.CRON, userAgent == null ? "unknown" : userAgent);
        if (result.status() == JobStatus.SKIPPED) {
            return ResponseEntity.status(RunAnswers.status(result))
                    .body(new Skipped(
                            false,
                            result.status(),
                            messages.getMessage("generation.alreadyRunning"),
                            result.runningSince()));
        }
        return ResponseEntity.status(RunAnswers.status(result))
                .body(new Ran(result.success(), result.figures(), clock.instant()));
    }

    /**
     * HEAD would otherwise be served by the GET mapping, running the job for a response without a
     * body: link checkers and uptime monitors send HEAD. It is answered 405 and starts nothing.
     */
    @RequestMapping(path = "/api/cron/generate-lessons", method = RequestMethod.HEAD)
    @Operation(hidden = true)
    ResponseEntity<Void> head() {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .allow(HttpMethod.GET, HttpMethod.POST)
                .build();
    }

    @Schema(name = "CronRun")
    record Ran(boolean success, @JsonUnwrapped GenerationResult.Figures figures, Instant timestamp) {}

    @Schema(name = "CronSkipped")
    record Skipped(boolean success, JobStatus status, String error, Instant runningSince) {}
}
