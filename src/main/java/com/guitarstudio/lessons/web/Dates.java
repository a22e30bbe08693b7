package com.guitarstudio.lessons.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dates a client may send: {@code YYYY-MM-DD} from {@value #FIRST_TEXT} to {@value #LAST_TEXT}.
 * Java reads far more ({@code +294277-01-01}, {@code -4714-01-01}, year 0) than PostgreSQL stores or
 * a studio means; every date parameter and field of the API and the pages is read here, so they all
 * refuse the same dates in the same words.
 */
public final class Dates {

    static final String FIRST_TEXT = "0001-01-01";
    static final String LAST_TEXT = "9999-12-31";

    public static final LocalDate FIRST = LocalDate.parse(FIRST_TEXT);
    public static final LocalDate LAST = LocalDate.parse(LAST_TEXT);

    /** How the range is said in messages: "from 0001-01-01 to 9999-12-31". */
    public static final String RANGE = "from " + FIRST_TEXT + " to " + LAST_TEXT;

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Dates() {}

    /** {@code text} (surrounding blanks ignored) as a date of the range; empty for anything else. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null || !ISO_DATE.matcher(text.strip()).matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            return date.isBefore(FIRST) ? Optional.empty() : Optional.of(date);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
