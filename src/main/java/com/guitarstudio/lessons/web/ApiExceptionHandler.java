package com.guitarstudio.lessons.web;

import com.guitarstudio.lessons.config.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the JSON API as an RFC 9457 problem detail that says what to fix, never a stack
 * trace or a SQL message. Applies to {@code @RestController}s only, so the pages keep their HTML
 * error pages ({@link PageErrors}). Errors with no controller at all, an unknown path or a wrong
 * method, are answered by {@link ProblemErrorController}; those of the security filters by {@link
 * ProblemWriter}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequest e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        if (e.parameter() != null) {
            problem.setProperty("parameter", e.parameter());
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * A header whose bytes are not text (control characters, or bytes that are not ISO-8859-1 text
     * such as raw UTF-8), found when the handler reads it: the client's mistake, so 400.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejectedRequest(RequestRejectedException e) {
        return ResponseEntity.badRequest()
                .body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST,
                        "A request header holds characters that are not allowed (control characters or non-ASCII"
                                + " bytes); send headers as plain ASCII text"));
    }

    /**
     * A failed sign-in: 401 with the exception's message, or the status, headers and problem the
     * exception itself describes (429 with Retry-After for a locked-out email, say).
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> authenticationFailed(AuthenticationException e) {
        if (e instanceof ErrorResponse response) {
            return ResponseEntity.status(response.getStatusCode())
                    .headers(response.getHeaders())
                    .body(response.getBody());
        }
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseFailures.isUnavailable(e)) {
            // The client may retry later; a stack trace would add nothing.
            log.error("Database unavailable: {}", e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, ProblemWriter.RETRY_AFTER_SECONDS)
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.SERVICE_UNAVAILABLE, ProblemWriter.DATABASE_UNAVAILABLE));
        }
        log.error("Unexpected error", e);
        return ResponseEntity.internalServerError()
                .body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; it has been logged"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest()
                .body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST, "The request body must be a JSON object; it could not be read"));
    }
}
