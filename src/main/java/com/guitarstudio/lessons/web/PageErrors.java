package com.guitarstudio.lessons.web;

import com.guitarstudio.lessons.config.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages' answer when a link carries a value they cannot use (a 400 page that says what to fix)
 * or when the database fails (a 503 page that says so, or the plain 500 page); never internals. (API controllers are answered by {@link ApiExceptionHandler}, which comes first.)
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    /** A link with a value the page cannot use: a 400 page that says which and what it may be. */
    @ExceptionHandler
    ModelAndView invalidRequest(InvalidRequest e) {
        return errorPage(HttpStatus.BAD_REQUEST).addObject("problem", e.getMessage());
    }

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ModelAndView database(RuntimeException e) {
        if (DatabaseFailures.isUnavailable(e)) {
            log.error("Database unavailable: {}", e.getMessage());
            return errorPage(HttpStatus.SERVICE_UNAVAILABLE);
        }
        log.error("Database error on a page", e);
        return errorPage(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    /** The error page ({@code templates/error.html}) in the words for {@code status}. */
    static ModelAndView errorPage(HttpStatus status) {
        return new ModelAndView("error", status).addObject("page", status.value());
    }
}
