package com.guitarstudio.lessons.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem detail from a servlet filter (a security entry point, say), where no
 * controller advice reaches; the same shape {@link ApiExceptionHandler} answers with.
 */
@Component
public class ProblemWriter {

    /** What a client is told when the database cannot be reached; it may try again (Retry-After). */
    public static final String DATABASE_UNAVAILABLE = "The database is unavailable; try again in a minute";

    /** The Retry-After of every 503, in seconds. */
    public static final String RETRY_AFTER_SECONDS = "30";

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    /** 503 with Retry-After: the database cannot be reached. */
    public void databaseUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        write(request, response, HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
