package com.guitarstudio.lessons.studio;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Which {@code teacher_profile.timezone} values lessons can be planned in: whatever {@link
 * ZoneId#of} accepts (IANA ids such as America/Chicago, and fixed offsets). The generator and the
 * health check both ask here, so they never disagree.
 */
public final class TimeZones {

    private TimeZones() {}

    /** Where the date changes last: UTC−12. */
    private static final ZoneOffset EARLIEST = ZoneOffset.ofHours(-12);

    /**
     * Today's date where it is earliest (UTC−12): a date that has not ended somewhere on Earth is
     * not yet past for a studio in every zone.
     */
    public static LocalDate earliestToday(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), EARLIEST);
    }

    public static Optional<ZoneId> parse(String timezone) {
        if (timezone == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(timezone));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The place a zone is named after, as people say it: "New York" for America/New_York, "Buenos
     * Aires" for America/Argentina/Buenos_Aires; empty for UTC, Etc/ ids and fixed offsets, which are
     * said as they are written.
     */
    public static Optional<String> place(String timezone) {
        int slash = timezone == null ? -1 : timezone.lastIndexOf('/');
        if (slash < 0 || timezone.startsWith("Etc/")) {
            return Optional.empty();
        }
        return Optional.of(timezone.substring(slash + 1).replace('_', ' '));
    }
}
