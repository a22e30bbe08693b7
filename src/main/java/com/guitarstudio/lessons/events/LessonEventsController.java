package com.guitarstudio.lessons.events;

import com.guitarstudio.lessons.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/lesson-events}: the changes the service made to lessons, in id order, for a
 * studio app that polls. It keeps {@code next} and asks again with {@code after=next}; an empty page
 * means it has seen everything so far.
 */
@RestController
@Tag(name = "Lesson events")
class LessonEventsController {

    static final int MAX_LIMIT = 500;

    private final LessonEventLog events;

    LessonEventsController(LessonEventLog events) {
        this.events = events;
    }

    @GetMapping("/api/admin/lesson-events")
    @Operation(
            operationId = "lessonEvents",
            summary = "The changes the service made to lessons after event `after`, oldest first",
            description = "Every lesson the service created, closed, reopened, moved, repriced, cancelled or"
                    + " restored, one event per change, in the order they were made. Poll with the `next` of"
                    + " the previous answer; de-duplicate by `id`.")
    @ApiResponse(responseCode = "200", description = "Up to `limit` events, and the id to ask after next")
    @ApiResponse(
            responseCode = "400",
            description = "`after` is not a whole number from 0, `limit` not one from 1 to 500, or an id not a UUID",
            content = @Content)
    Page list(
            @Parameter(description = "The last event id already handled (0, or left out: from the first)")
                    @RequestParam(name = "after", required = false)
                    String after,
            @Parameter(description = "At most this many events, 1 to 500 (500 when left out)")
                    @RequestParam(name = "limit", required = false)
                    String limit,
            @Parameter(description = "Only this teacher's lessons", schema = @Schema(format = "uuid"))
                    @RequestParam(name = "teacherId", required = false)
                    String teacherId,
            @Parameter(description = "Only this student's lessons", schema = @Schema(format = "uuid"))
                    @RequestParam(name = "studentId", required = false)
                    String studentId) {
        long from = QueryParameters.wholeNumber("after", after, 0, Long.MAX_VALUE, 0);
        List<LessonEvent> page = events.after(
                from,
                (int) QueryParameters.wholeNumber("limit", limit, 1, MAX_LIMIT, MAX_LIMIT),
                QueryParameters.id("teacherId", teacherId),
                QueryParameters.id("studentId", studentId));
        return new Page(
                true, page, page.isEmpty() ? from : page.get(page.size() - 1).id());
    }

    /**
     * A page of events.
     *
     * @param next the id to ask after next time: the last event's, or {@code after} when there was none
     */
    record Page(boolean success, List<LessonEvent> data, long next) {}
}
