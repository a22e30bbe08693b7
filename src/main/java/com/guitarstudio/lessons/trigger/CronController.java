package com.guitarstudio.lessons.trigger;

import com.guitarstudio.lessons.generation.GenerationResult;
import com.guitarstudio.lessons.generation.JobRunner;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import com.guitarstudio.lessons.security.CronSecret;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET|POST /api/cron/generate-lessons}, for external cron services (Vercel Cron sends GET
 * with {@code Authorization: Bearer <CRON_SECRET>} and {@code User-Agent: vercel-cron/1.0}). The
 * answers keep the documented JSON shapes of DESIGN.md §6.
 */
@RestController
class CronController {

    static final String UNAUTHORIZED = "Unauthorized - Invalid cron secret";

    private final CronSecret secret;
    private final JobRunner runner;
    private final Clock clock;

    CronController(CronSecret secret, JobRunner runner, Clock clock) {
        this.secret = secret;
        this.runner = runner;
        this.clock = clock;
    }

    @RequestMapping(
            path = "/api/cron/generate-lessons",
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<Object> generate(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent) {
        if (!secret.accepts(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .body(new Unauthorized(false, UNAUTHORIZED));
        }
        GenerationResult result = runner.run(JobTrigger.CRON, userAgent == null ? "unknown" : userAgent);
        if (result.status() == JobStatus.SKIPPED) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(new Skipped(false, result.status(), RunResponses.ALREADY_RUNNING, result.runningSince()));
        }
        return ResponseEntity.status(RunResponses.status(result))
                .body(new Ran(
                        result.success(),
                        result.status(),
                        result.lessonsGenerated(),
                        result.teachersProcessed(),
                        result.errors(),
                        result.jobLogId(),
                        result.durationMs(),
                        clock.instant()));
    }

    record Ran(
            boolean success,
            JobStatus status,
            int lessonsGenerated,
            int teachersProcessed,
            List<String> errors,
            UUID jobLogId,
            long durationMs,
            Instant timestamp) {}

    record Skipped(boolean success, JobStatus status, String error, Instant runningSince) {}

    record Unauthorized(boolean success, String error) {}
}
