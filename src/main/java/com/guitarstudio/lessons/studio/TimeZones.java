package com.guitarstudio.lessons.studio;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Which {@code teacher_profile.timezone} values lessons can be planned in: whatever {@link
 * ZoneId#of} accepts (IANA ids such as America/Chicago, and fixed offsets). The generator and the
 * health check both ask here, so they never disagree.
 */
public final class TimeZones {

    private TimeZones() {}

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
}
