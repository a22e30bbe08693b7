package com.guitarstudio.lessons.admin;

import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import com.guitarstudio.lessons.joblog.RunFilter;
import com.guitarstudio.lessons.web.Dates;
import com.guitarstudio.lessons.web.InvalidRequest;
import com.guitarstudio.lessons.web.QueryParameters;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The history's filters as the API and the page take them: {@code status}, {@code trigger}, the
 * dates {@code from} and {@code to} (both included, days in the page's zone), a page and its size.
 * Empty means "any". A value that cannot be used is a 400 that names the parameter and says what it
 * may be.
 *
 * @param status a {@link JobStatus} name, or null
 * @param trigger a {@link JobTrigger} name, or null
 * @param from the first day, or null
 * @param to the last day, or null
 */
record HistoryQuery(JobStatus status, JobTrigger trigger, LocalDate from, LocalDate to) {

    static final HistoryQuery ALL = new HistoryQuery(null, null, null, null);

    static HistoryQuery parse(String status, String trigger, String from, String to) {
        HistoryQuery query = new HistoryQuery(
                named(JobStatus.class, "status", status),
                named(JobTrigger.class, "trigger", trigger),
                date("from", from),
                date("to", to));
        if (query.from != null && query.to != null && query.to.isBefore(query.from)) {
            throw new InvalidRequest(
                    "to", "Query parameter 'to' (" + query.to + ") must not come before 'from' (" + query.from + ")");
        }
        return query;
    }

    /** The runs this query keeps, its days read in {@code zone}. */
    RunFilter filter(ZoneId zone) {
        return new RunFilter(
                status,
                trigger,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public boolean isFiltered() {
        return !equals(ALL);
    }

    /** The page's link to page {@code number} (from 1) of this filter's history. */
    String pageLink(String path, int number) {
        Map<String, String> parameters = parameters();
        if (number > 1) {
            parameters.put("page", Integer.toString(number));
        }
        // names and values are enum names, ISO dates and numbers: nothing to encode
        return parameters.isEmpty()
                ? path
                : path + "?"
                        + parameters.entrySet().stream()
                                .map(parameter -> parameter.getKey() + "=" + parameter.getValue())
                                .collect(Collectors.joining("&"));
    }

    /** The query parameters that repeat this filter (for links that keep it), only those set. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (status != null) {
            parameters.put("status", status.name());
        }
        if (trigger != null) {
            parameters.put("trigger", trigger.name());
        }
        if (from != null) {
            parameters.put("from", from.toString());
        }
        if (to != null) {
            parameters.put("to", to.toString());
        }
        return parameters;
    }

    /**
     * A page number counted from {@code first} (0 for the API, 1 for the page) up to {@code max}, as
     * an index from 0; the first page when absent.
     */
    static int page(String value, int first, int max) {
        return (int) QueryParameters.wholeNumber("page", value, first, max, first) - first;
    }

    /** A page size of 1 to {@code max}; {@code fallback} when absent. */
    static int size(String parameter, String value, int fallback, int max) {
        return (int) QueryParameters.wholeNumber(parameter, value, 1, max, fallback);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String parameter, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            // Exactly as written in the JSON and the API description: one spelling for each value.
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            String names =
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw new InvalidRequest(
                    parameter,
                    "Query parameter '" + parameter + "' must be one of " + names + " (in capitals), not '"
                            + InvalidRequest.shown(value) + "'");
        }
    }

    static LocalDate date(String parameter, String value) {
        if (blank(value)) {
            return null;
        }
        return Dates.parse(value)
                .orElseThrow(() -> new InvalidRequest(
                        parameter,
                        "Query parameter '" + parameter + "' must be a date " + Dates.RANGE + ", like 2026-11-28, not '"
                                + InvalidRequest.shown(value) + "'"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
