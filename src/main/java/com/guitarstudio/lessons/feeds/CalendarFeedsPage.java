package com.guitarstudio.lessons.feeds;

import com.guitarstudio.lessons.web.InvalidRequest;
import com.guitarstudio.lessons.web.QueryParameters;
import java.security.Principal;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The admin page {@code /admin/calendar-feeds}: make a link for a teacher or a student, see who has
 * one, revoke one. A new link is shown on the page that answers the form, once, and never put in a
 * URL (a redirect would carry it into the browser's history and the server's logs); the service
 * keeps only its hash.
 */
@Controller
class CalendarFeedsPage {

    static final String PATH = "/admin/calendar-feeds";

    private final FeedService feeds;
    private final MessageSourceAccessor messages;

    CalendarFeedsPage(FeedService feeds, MessageSourceAccessor messages) {
        this.feeds = feeds;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String page(@RequestParam(name = "revoked", required = false) String revoked, Model model) {
        if (revoked != null) {
            model.addAttribute("notice", messages.getMessage("feeds.revoked"));
        }
        return show(model);
    }

    /** Creates a feed for the chosen person (value {@code TEACHER:<id>} or {@code STUDENT:<id>}). */
    @PostMapping(PATH)
    String create(@RequestParam(name = "owner", required = false) String owner, Principal admin, Model model) {
        Optional<CalendarFeeds.Owner> chosen = owner(owner);
        if (chosen.isEmpty()) {
            model.addAttribute("error", messages.getMessage("feeds.page.choose"));
            return show(model);
        }
        try {
            FeedService.NewLink created = feeds.create(chosen.get(), admin.getName());
            model.addAttribute("created", created);
        } catch (InvalidRequest e) {
            model.addAttribute("error", messages.getMessage("feeds.page.gone"));
        }
        return show(model);
    }

    @PostMapping(PATH + "/{id}/revoke")
    String revoke(@PathVariable("id") String id) {
        UUID feedId =
                QueryParameters.canonicalId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!feeds.revoke(feedId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:" + PATH + "?revoked";
    }

    private String show(Model model) {
        model.addAttribute("feeds", feeds.list());
        model.addAttribute("teachers", feeds.teachers());
        model.addAttribute("students", feeds.students());
        return "admin/calendar-feeds";
    }

    private static Optional<CalendarFeeds.Owner> owner(String value) {
        if (value == null || value.indexOf(':') < 0) {
            return Optional.empty();
        }
        String kind = value.substring(0, value.indexOf(':'));
        Optional<UUID> id = QueryParameters.canonicalId(value.substring(value.indexOf(':') + 1));
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return switch (kind) {
            case "TEACHER" -> Optional.of(new CalendarFeeds.Owner(CalendarFeeds.OwnerKind.TEACHER, id.get()));
            case "STUDENT" -> Optional.of(new CalendarFeeds.Owner(CalendarFeeds.OwnerKind.STUDENT, id.get()));
            default -> Optional.empty();
        };
    }
}
