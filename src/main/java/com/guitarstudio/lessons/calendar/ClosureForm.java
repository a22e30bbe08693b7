package com.guitarstudio.lessons.calendar;

import com.guitarstudio.lessons.web.ControlCharacters;
import com.guitarstudio.lessons.web.InvalidRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * A closure as a client sends it, to the API (JSON) or from the page (a form): text, checked by
 * {@link #validate} into a {@link NewClosure}, or refused with a sentence that says what to fix.
 */
record ClosureForm(String teacherId, String kind, String startsOn, String endsOn, String reason) {

    /** The longest closure, in days (both ends included). */
    static final int MAX_DAYS = 366;

    static final int MAX_REASON = 200;

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    static ClosureForm empty() {
        return new ClosureForm(null, ClosureKind.STUDIO_CLOSED.name(), null, null, null);
    }

    /**
     * The closure this form describes. Whether the teacher exists is for the caller, who can ask the
     * database.
     *
     * @throws InvalidRequest naming the field to fix
     */
    NewClosure validate(MessageSource messages) {
        ClosureKind closureKind = parseKind(messages);
        LocalDate first = date("startsOn", startsOn, messages);
        LocalDate last = date("endsOn", endsOn, messages);
        if (last.isBefore(first)) {
            throw invalid("endsOn", "closure.invalid.order", messages, last, first);
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > MAX_DAYS) {
            throw invalid("endsOn", "closure.invalid.tooLong", messages, MAX_DAYS, days);
        }
        UUID teacher = parseTeacher(messages);
        if (closureKind == ClosureKind.TEACHER_ABSENT && teacher == null) {
            throw invalid("teacherId", "closure.invalid.teacherMissing", messages);
        }
        if (closureKind == ClosureKind.STUDIO_CLOSED && teacher != null) {
            throw invalid("teacherId", "closure.invalid.studioWithTeacher", messages);
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw invalid("reason", "closure.invalid.reasonMissing", messages);
        }
        if (ControlCharacters.in(text)) {
            throw invalid("reason", "closure.invalid.reasonControlCharacters", messages);
        }
        if (text.codePointCount(0, text.length()) > MAX_REASON) {
            throw invalid("reason", "closure.invalid.reasonTooLong", messages, MAX_REASON);
        }
        return new NewClosure(teacher, closureKind, first, last, text);
    }

    private ClosureKind parseKind(MessageSource messages) {
        if (kind != null) {
            for (ClosureKind candidate : ClosureKind.values()) {
                if (candidate.name().equals(kind.strip())) {
                    return candidate;
                }
            }
        }
        throw invalid("kind", "closure.invalid.kind", messages);
    }

    private UUID parseTeacher(MessageSource messages) {
        if (teacherId == null || teacherId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(teacherId.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("teacherId", "closure.invalid.teacherUnknown", messages);
        }
    }

    /** An ISO date, {@code YYYY-MM-DD}, and nothing else. */
    static LocalDate date(String field, String text, MessageSource messages) {
        if (text == null || !ISO_DATE.matcher(text.strip()).matches()) {
            throw invalid(field, "closure.invalid.date", messages, field);
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, "closure.invalid.date", messages, field);
        }
    }

    static InvalidRequest invalid(String field, String key, MessageSource messages, Object... arguments) {
        return new InvalidRequest(field, messages.getMessage(key, arguments, Locale.ENGLISH));
    }
}
