package com.guitarstudio.lessons.calendar;

import com.guitarstudio.lessons.lessons.ClosedLessons;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The admin API of closures: list, preview, create, delete. */
@RestController
@RequestMapping("/api/admin/closures")
@Tag(name = "Closures")
class ClosuresController {

    private final ClosureService closures;
    private final MessageSourceAccessor messages;

    ClosuresController(ClosureService closures, MessageSourceAccessor messages) {
        this.closures = closures;
        this.messages = messages;
    }

    @GetMapping
    @Operation(
            operationId = "listClosures",
            summary = "The closures that overlap the days from `from` to `to` (all of them without either)")
    @ApiResponse(responseCode = "200", description = "The closures, earliest first, with how many lessons each holds")
    @ApiResponse(
            responseCode = "400",
            description = "A date is malformed, or `to` comes before `from`",
            content = @Content)
    Listed list(
            @Parameter(schema = @Schema(type = "string", format = "date", example = "2027-12-01"))
                    @RequestParam(name = "from", required = false)
                    String from,
            @Parameter(schema = @Schema(type = "string", format = "date", example = "2027-12-31"))
                    @RequestParam(name = "to", required = false)
                    String to) {
        LocalDate first = from == null ? null : ClosureForm.date("from", from, messages, ClosureForm.Reader.API);
        LocalDate last = to == null ? null : ClosureForm.date("to", to, messages, ClosureForm.Reader.API);
        if (first != null && last != null && last.isBefore(first)) {
            throw ClosureForm.invalid("to", ClosureForm.Reader.API, "listOrder", messages, last, first);
        }
        return new Listed(true, closures.list(first, last));
    }

    @PostMapping("/preview")
    @Operation(
            operationId = "previewClosure",
            summary = "The lessons a closure would close, without creating it (nothing is written)")
    @ApiResponse(responseCode = "200", description = "How many lessons it would close, and the first 50")
    @ApiResponse(
            responseCode = "400",
            description = "A field is missing or wrong: `detail` says which and why",
            content = @Content)
    Previewed preview(@RequestBody ClosureForm form) {
        ClosedLessons.Preview preview = closures.preview(closures.validate(form, ClosureForm.Reader.API));
        return new Previewed(true, preview.lessonsAffected(), preview.lessons());
    }

    @PostMapping
    @Operation(
            operationId = "createClosure",
            summary = "Create a closure: its days' lessons are kept and marked CLOSED, with its reason")
    @ApiResponse(responseCode = "201", description = "The closure, and how many lessons it closed")
    @ApiResponse(
            responseCode = "400",
            description = "A field is missing or wrong: `detail` says which and why",
            content = @Content)
    @ApiResponse(
            responseCode = "409",
            description = "A closure of the same kind, teacher and days exists already: `detail` names it",
            content = @Content)
    ResponseEntity<CreatedResponse> create(@RequestBody ClosureForm form, @Parameter(hidden = true) Principal admin) {
        ClosureService.Created created;
        try {
            created = closures.create(closures.validate(form, ClosureForm.Reader.API), admin.getName());
        } catch (DuplicateClosure e) {
            ClosureService.ClosureView existing = e.existing();
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT, messages.getMessage("closure.duplicate", new Object[] {
                        existing.reason(), existing.id(), existing.startsOn(), existing.endsOn()
                    }));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CreatedResponse(true, created.closure(), created.lessonsClosed()));
    }

    @DeleteMapping("/{id}")
    @Operation(
            operationId = "deleteClosure",
            summary = "Delete a closure: its future lessons are scheduled again, unless another closure"
                    + " covers them or their slot no longer meets that day")
    @ApiResponse(responseCode = "200", description = "What happened to its lessons")
    @ApiResponse(responseCode = "404", description = "There is no closure with this id", content = @Content)
    DeletedResponse delete(
            @Parameter(description = "The closure's id", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String id) {
        ClosureService.Deleted deleted = closures.delete(closureId(id))
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, messages.getMessage("closure.notFound", new Object[] {id})));
        return new DeletedResponse(
                true, deleted.lessonsRestored(), deleted.lessonsStillClosed(), deleted.lessonsCancelled());
    }

    private UUID closureId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND, messages.getMessage("closure.notFound", new Object[] {id}));
        }
    }

    record Listed(boolean success, List<ClosureService.ClosureView> data) {}

    record Previewed(boolean success, long lessonsAffected, List<ClosedLessons.AffectedLesson> lessons) {}

    record CreatedResponse(boolean success, ClosureService.ClosureView data, int lessonsClosed) {}

    /**
     * @param lessonsCancelled lessons the closure held whose slot no longer meets that day: cancelled, not given back
     */
    record DeletedResponse(boolean success, int lessonsRestored, int lessonsStillClosed, int lessonsCancelled) {}
}
