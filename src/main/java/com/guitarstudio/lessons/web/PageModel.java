package com.guitarstudio.lessons.web;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page shows, whichever module serves it: who is signed in (the header's sign-out). */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

    @ModelAttribute("signedInAs")
    String signedInAs(Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
