package com.guitarstudio.lessons.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The login form (Spring Security handles its POST; a locked-out attempt is forwarded back here
 * with 429) and the page for forms whose CSRF token expired.
 */
@Controller
class LoginPageController {

    static final String LOCKED_MINUTES = "lessons.login.lockedMinutes";
    static final String FORM_EXPIRED = "/form-expired";
    static final String UNAVAILABLE = "/unavailable";

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Forwarded here (any method) when a form's CSRF token is missing or stale; the status is already 403. */
    @RequestMapping(FORM_EXPIRED)
    String formExpired(Model model) {
        model.addAttribute("page", "formExpired");
        return "error";
    }

    /** Forwarded here (any method) when the database cannot be reached to sign someone in; the status is 503. */
    @RequestMapping(UNAVAILABLE)
    String unavailable(Model model) {
        model.addAttribute("page", HttpStatus.SERVICE_UNAVAILABLE.value());
        return "error";
    }

    @RequestMapping("/login/locked")
    String locked(
            @RequestAttribute(name = LOCKED_MINUTES, required = false) Long minutes,
            Model model,
            HttpServletResponse response) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        model.addAttribute("lockedMinutes", minutes == null ? 15 : minutes);
        return "login";
    }
}
