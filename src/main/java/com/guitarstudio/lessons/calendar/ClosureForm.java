package com.guitarstudio.lessons.calendar;

import com.guitarstudio.lessons.web.ControlCharacters;
import com.guitarstudio.lessons.web.Dates;
import com.guitarstudio.lessons.web.InvalidRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * A closure as a client sends it, to the API (JSON) or from the page (a form): text, checked by
 * {@link #validate} into a {@link NewClosure}, or refused with a sentence that says what to fix.
 */
@Schema(name = "NewClosure", description = "A closure to preview or create")
record ClosureForm(
        @Schema(
                description = "The teacher who is away: required for TEACHER_ABSENT, left out for STUDIO_CLOSED",
                format = "uuid")
        String teacherId,

        @Schema(implementation = ClosureKind.class, requiredMode = Schema.RequiredMode.REQUIRED)
        String kind,

        @Schema(
                description = "The first closed day, in each teacher's own calendar",
                format = "date",
                example = "2027-12-24",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String startsOn,

        @Schema(
                description = "The last closed day (included); at most 366 days after the first",
                format = "date",
                example = "2028-01-02",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String endsOn,

        @Schema(
                description = "Why, as students will see it: plain text, at most 200 characters",
                example = "Winter break",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String reason) {

    /** The longest closure, in days (both ends included). */
    static final int MAX_DAYS = 366;

    static final int MAX_REASON = 200;

    static ClosureForm empty() {
        return new ClosureForm(null, ClosureKind.STUDIO_CLOSED.name(), null, null, null);
    }

    /**
     * Who reads the errors: a developer calling the API (field names, ISO dates) or a studio admin on
     * the page (the form's own words, dates as the page writes them).
     */
    enum Reader {
        API("closure.invalid."),
        PAGE("closure.page.");

        private static final DateTimeFormatter PAGE_DATE =
                DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

        private final String keys;

        Reader(String keys) {
            this.keys = keys;
        }

        Object date(LocalDate date) {
            return this == PAGE ? PAGE_DATE.format(date) : date;
        }
    }

    /**
     * The form as the page sends it: a studio closure's teacher field is hidden, but the browser still
     * sends the teacher chosen before, which means nothing then.
     */
    ClosureForm fromPage() {
        return ClosureKind.STUDIO_CLOSED.name().equals(kind)
                ? new ClosureForm(null, kind, startsOn, endsOn, reason)
                : this;
    }

    /**
     * The closure this form describes. Whether the teacher exists is for the caller, who can ask the
     * database.
     *
     * @throws InvalidRequest naming the field to fix
     */
    NewClosure validate(MessageSourceAccessor messages, Reader reader) {
        ClosureKind closureKind = parseKind(messages, reader);
        LocalDate first = date("startsOn", startsOn, messages, reader);
        LocalDate last = date("endsOn", endsOn, messages, reader);
        if (last.isBefore(first)) {
            throw invalid("endsOn", reader, "order", messages, reader.date(last), reader.date(first));
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > MAX_DAYS) {
            throw invalid("endsOn", reader, "tooLong", messages, MAX_DAYS, days);
        }
        UUID teacher = parseTeacher(messages, reader);
        if (closureKind == ClosureKind.TEACHER_ABSENT && teacher == null) {
            throw invalid("teacherId", reader, "teacherMissing", messages);
        }
        if (closureKind == ClosureKind.STUDIO_CLOSED && teacher != null) {
            throw invalid("teacherId", reader, "studioWithTeacher", messages);
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw invalid("reason", reader, "reasonMissing", messages);
        }
        if (ControlCharacters.in(text)) {
            throw invalid("reason", reader, "reasonControlCharacters", messages);
        }
        if (text.codePointCount(0, text.length()) > MAX_REASON) {
            throw invalid("reason", reader, "reasonTooLong", messages, MAX_REASON);
        }
        return new NewClosure(teacher, closureKind, first, last, text);
    }

    private ClosureKind parseKind(MessageSourceAccessor messages, Reader reader) {
        if (kind != null) {
            for (ClosureKind candidate : ClosureKind.values()) {
                if (candidate.name().equals(kind.strip())) {
                    return candidate;
                }
            }
        }
        throw invalid("kind", reader, "kind", messages);
    }

    private UUID parseTeacher(MessageSourceAccessor messages, Reader reader) {
        if (teacherId == null || teacherId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(teacherId.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("teacherId", reader, "teacherUnknown", messages);
        }
    }

    /** An ISO date, {@code YYYY-MM-DD}, and nothing else. */
    static LocalDate date(String field, String text, MessageSourceAccessor messages, Reader reader) {
        String name = reader == Reader.PAGE ? "date." + field : "date";
        return Dates.parse(text).orElseThrow(() -> invalid(field, reader, name, messages, field, Dates.RANGE));
    }

    /** The error about {@code field}, worded for {@code reader} (message {@code closure.invalid.<name>} or {@code closure.page.<name>}). */
    static InvalidRequest invalid(
            String field, Reader reader, String name, MessageSourceAccessor messages, Object... arguments) {
        return new InvalidRequest(field, messages.getMessage(reader.keys + name, arguments));
    }
}
