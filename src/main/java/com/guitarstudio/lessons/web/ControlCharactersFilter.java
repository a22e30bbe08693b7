package com.guitarstudio.lessons.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose query or form parameters hold {@link ControlCharacters} with 400 before
 * anything reads them: a problem detail for API clients, the 400 page for browsers (through the
 * error page, which finds the sentence in the {@value #PROBLEM} request attribute). JSON bodies are
 * checked where they are read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ControlCharactersFilter extends OncePerRequestFilter {

    /** The request attribute holding what to tell the client, for the 400 page and problem. */
    static final String PROBLEM = "problem";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            boolean bad = ControlCharacters.in(parameter.getKey());
            for (String value : parameter.getValue()) {
                bad |= ControlCharacters.in(value);
            }
            if (bad) {
                String problem = "The parameter '" + printable(parameter.getKey())
                        + "' holds control characters (such as NUL); send plain text";
                request.setAttribute(PROBLEM, problem);
                response.sendError(HttpStatus.BAD_REQUEST.value(), problem);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The name as it can be shown back: control characters replaced, and not too long. */
    private static String printable(String name) {
        String shown = name.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
    }
}
