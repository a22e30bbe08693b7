package com.guitarstudio.lessons.calendar;

import com.guitarstudio.lessons.web.InvalidRequest;
import java.security.Principal;
import java.util.List;
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
 * The admin page {@code /admin/closures}: the current and upcoming closures with the lessons they
 * closed, a form whose first step previews the lessons a new closure would close (nothing is
 * written until the admin confirms), and delete behind a confirmation page. Plain forms with CSRF
 * tokens and post/redirect/get, no script.
 */
@Controller
class ClosuresPage {

    static final String PATH = "/admin/closures";

    private final ClosureService closures;
    private final MessageSourceAccessor messages;

    ClosuresPage(ClosureService closures, MessageSourceAccessor messages) {
        this.closures = closures;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String page(
            @RequestParam(name = "closed", required = false) Integer closed,
            @RequestParam(name = "restored", required = false) Integer restored,
            @RequestParam(name = "cancelled", required = false) Integer cancelled,
            @RequestParam(name = "stillClosed", required = false) Integer stillClosed,
            @RequestParam(name = "keptBy", required = false) String keptBy,
            Model model) {
        if (closed != null) {
            model.addAttribute("notice", messages.getMessage("closures.created", new Object[] {closed}));
        }
        if (restored != null) {
            String notice =
                    messages.getMessage("closures.deleted", new Object[] {restored, cancelled == null ? 0 : cancelled});
            if (stillClosed != null && stillClosed > 0) {
                notice += " " + keptBy(stillClosed, keptBy);
            }
            model.addAttribute("notice", notice);
        }
        return show(ClosureForm.empty(), model);
    }

    /** Which closure keeps the lessons closed after another was deleted: named when it is one. */
    private String keptBy(int stillClosed, String keptBy) {
        return parse(keptBy)
                .flatMap(closures::find)
                .map(other ->
                        messages.getMessage("closures.deleted.keptBy", new Object[] {stillClosed, other.reason()}))
                .orElseGet(() -> messages.getMessage("closures.deleted.keptByOthers", new Object[] {stillClosed}));
    }

    /** The first step: the lessons the closure would close, and a button that creates it. */
    @PostMapping(PATH + "/preview")
    String preview(ClosureForm form, Model model) {
        try {
            NewClosure closure = closures.validate(form.fromPage(), ClosureForm.Reader.PAGE);
            model.addAttribute("preview", closures.preview(closure));
            model.addAttribute("previewed", closure);
            model.addAttribute(
                    "overlapping",
                    closures.overlapping(null, closure.teacherId(), closure.startsOn(), closure.endsOn()));
            model.addAttribute(
                    "previewTeacher",
                    closure.teacherId() == null
                            ? null
                            : closures.teacherName(closure.teacherId()).orElse(null));
        } catch (InvalidRequest e) {
            model.addAttribute("error", e.getMessage());
        }
        return show(form.fromPage(), model);
    }

    @PostMapping(PATH)
    String create(ClosureForm form, Principal admin, Model model) {
        try {
            ClosureService.Created created =
                    closures.create(closures.validate(form.fromPage(), ClosureForm.Reader.PAGE), admin.getName());
            return "redirect:" + PATH + "?closed=" + created.lessonsClosed();
        } catch (InvalidRequest e) {
            model.addAttribute("error", e.getMessage());
            return show(form, model);
        } catch (DuplicateClosure e) {
            ClosureService.ClosureView existing = e.existing();
            model.addAttribute("error", messages.getMessage("closure.page.duplicate", new Object[] {
                existing.reason(),
                ClosureForm.Reader.PAGE.date(existing.startsOn()),
                ClosureForm.Reader.PAGE.date(existing.endsOn())
            }));
            return show(form.fromPage(), model);
        }
    }

    @GetMapping(PATH + "/{id}/delete")
    String confirmDelete(@PathVariable String id, Model model) {
        UUID closureId = closureId(id);
        ClosureService.ClosureView closure =
                closures.find(closureId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("closure", closure);
        model.addAttribute(
                "overlapping",
                closures.overlapping(closure.id(), closure.teacherId(), closure.startsOn(), closure.endsOn()));
        return "admin/closure-delete";
    }

    @PostMapping(PATH + "/{id}/delete")
    String delete(@PathVariable String id) {
        UUID closureId = closureId(id);
        List<ClosureService.ClosureView> others = closures.find(closureId)
                .map(closure ->
                        closures.overlapping(closure.id(), closure.teacherId(), closure.startsOn(), closure.endsOn()))
                .orElse(List.of());
        ClosureService.Deleted deleted =
                closures.delete(closureId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String redirect = "redirect:" + PATH + "?restored=" + deleted.lessonsRestored() + "&cancelled="
                + deleted.lessonsCancelled() + "&stillClosed=" + deleted.lessonsStillClosed();
        return others.size() == 1 ? redirect + "&keptBy=" + others.get(0).id() : redirect;
    }

    private String show(ClosureForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("closures", closures.currentAndUpcoming());
        model.addAttribute("teachers", closures.teachers());
        return "admin/closures";
    }

    private static UUID closureId(String id) {
        return parse(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Optional<UUID> parse(String id) {
        return Optional.ofNullable(id).flatMap(text -> {
            try {
                return Optional.of(UUID.fromString(text));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }
}
