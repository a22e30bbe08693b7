package com.guitarstudio.lessons.feeds;

import com.guitarstudio.lessons.web.InvalidRequest;
import com.guitarstudio.lessons.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The admin API of calendar feeds: create (the link is in the answer, once), list, revoke. */
@RestController
@RequestMapping("/api/admin/calendar-feeds")
@Tag(name = "Calendar feeds")
class CalendarFeedsController {

    private final FeedService service;
    private final MessageSourceAccessor messages;

    CalendarFeedsController(FeedService service, MessageSourceAccessor messages) {
        this.service = service;
        this.messages = messages;
    }

    @PostMapping
    @Operation(
            operationId = "createCalendarFeed",
            summary = "Create a calendar feed for a teacher (all their lessons) or a student (theirs)",
            description = "Send teacherId or studentId. The answer holds the feed's link; it is shown only"
                    + " this once (the service keeps a hash of it), so hand it to the person now.")
    @ApiResponse(responseCode = "201", description = "The feed and its link")
    @ApiResponse(
            responseCode = "400",
            description = "Neither or both of teacherId and studentId, an id that is not a UUID, or no such"
                    + " teacher or student: `detail` says which",
            content = @Content)
    ResponseEntity<CreatedFeed> create(@RequestBody NewFeed body, @Parameter(hidden = true) Principal admin) {
        FeedService.NewLink created = service.create(body.owner(messages), admin.getName());
        CalendarFeeds.FeedView feed = created.feed();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CreatedFeed(
                        true,
                        feed.id(),
                        created.url(),
                        feed.kind(),
                        feed.teacherId(),
                        feed.studentId(),
                        feed.name(),
                        feed.createdAt(),
                        feed.createdBy()));
    }

    @GetMapping
    @Operation(
            operationId = "listCalendarFeeds",
            summary = "Every calendar feed, by the name of its teacher or student (without links: only"
                    + " their hashes are kept)")
    @ApiResponse(responseCode = "200", description = "The feeds")
    FeedList list() {
        return new FeedList(true, service.list());
    }

    @DeleteMapping("/{id}")
    @Operation(
            operationId = "revokeCalendarFeed",
            summary = "Revoke a calendar feed: its link answers 404 from now on, on every instance")
    @ApiResponse(responseCode = "200", description = "Revoked")
    @ApiResponse(
            responseCode = "404",
            description = "There is no feed with this id (or it was revoked already)",
            content = @Content)
    RevokedFeed revoke(
            @Parameter(description = "The feed's id", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable("id")
                    String id) {
        UUID feedId = QueryParameters.canonicalId(id).orElseThrow(() -> notFound(id));
        if (!service.revoke(feedId)) {
            throw notFound(id);
        }
        return new RevokedFeed(true, feedId);
    }

    private ResponseStatusException notFound(String id) {
        return new ResponseStatusException(
                HttpStatus.NOT_FOUND,
                messages.getMessage("feed.api.notFound", new Object[] {InvalidRequest.shown(id)}));
    }

    /**
     * What a new feed is for: exactly one of the two.
     *
     * @param teacherId a teacher: the feed shows all their lessons, each named by its student
     * @param studentId a student: the feed shows their lessons, each named by the teacher
     */
    record NewFeed(
            @Schema(format = "uuid", nullable = true) String teacherId,
            @Schema(format = "uuid", nullable = true) String studentId) {

        CalendarFeeds.Owner owner(MessageSourceAccessor messages) {
            boolean teacher = teacherId != null && !teacherId.isBlank();
            boolean student = studentId != null && !studentId.isBlank();
            if (teacher == student) {
                throw new InvalidRequest(messages.getMessage(teacher ? "feed.api.both" : "feed.api.neither"));
            }
            return teacher
                    ? new CalendarFeeds.Owner(CalendarFeeds.OwnerKind.TEACHER, uuid("teacherId", teacherId, messages))
                    : new CalendarFeeds.Owner(CalendarFeeds.OwnerKind.STUDENT, uuid("studentId", studentId, messages));
        }

        private static UUID uuid(String field, String value, MessageSourceAccessor messages) {
            return QueryParameters.canonicalId(value.strip())
                    .orElseThrow(() ->
                            new InvalidRequest(field, messages.getMessage("feed.api.malformedId", new Object[] {
                                field, InvalidRequest.shown(value)
                            })));
        }
    }

    /** A new feed; {@code url} is its link, shown this once. */
    record CreatedFeed(
            boolean success,
            UUID id,
            String url,
            CalendarFeeds.OwnerKind kind,
            UUID teacherId,
            UUID studentId,
            String name,
            Instant createdAt,
            String createdBy) {}

    record FeedList(boolean success, List<CalendarFeeds.FeedView> data) {}

    record RevokedFeed(boolean success, UUID id) {}
}
