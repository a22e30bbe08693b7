package com.guitarstudio.lessons.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/** The login form. Spring Security handles its POST; a locked-out attempt is forwarded back here with 429. */
@Controller
class LoginPageController {

    static final String LOCKED_MINUTES = "lessons.login.lockedMinutes";

    @GetMapping("/login")
    String login() {
        return "login";
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
