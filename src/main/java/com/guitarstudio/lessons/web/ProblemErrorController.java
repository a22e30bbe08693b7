package com.guitarstudio.lessons.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Boot's error controller, with one change: the answer for non-browser clients is an RFC 9457
 * problem detail ({@code application/problem+json}; {@code type} left out, meaning about:blank,
 * like Spring's own problems) instead of Boot's own JSON, so an unknown API
 * path (404) or a wrong method (405) looks like every other API error. Browsers still get the
 * HTML error pages of {@code templates/error/}.
 */
@Controller
class ProblemErrorController extends BasicErrorController {

    private final ErrorAttributes errorAttributes;

    ProblemErrorController(
            ErrorAttributes errorAttributes, WebProperties webProperties, List<ErrorViewResolver> resolvers) {
        super(errorAttributes, webProperties.getError(), resolvers);
        this.errorAttributes = errorAttributes;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put(
                "detail",
                request.getAttribute(ControlCharactersFilter.PROBLEM) instanceof String said
                        ? said
                        : detail(status, errorAttributes.getError(new ServletWebRequest(request)), path));
        if (path != null) {
            problem.put("instance", path);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String detail(HttpStatus status, Throwable error, Object path) {
        return switch (status) {
            case NOT_FOUND -> "Nothing is served at " + path;
            case METHOD_NOT_ALLOWED ->
                (error instanceof HttpRequestMethodNotSupportedException unsupported
                                ? unsupported.getMethod()
                                : "This method")
                        + " is not supported at " + path + "; see the Allow header";
            case UNAUTHORIZED -> "Sign in first";
            case FORBIDDEN -> "This needs an admin account";
            default ->
                status.is5xxServerError()
                        ? "Something went wrong on our side; it has been logged"
                        : status.getReasonPhrase();
        };
    }
}
