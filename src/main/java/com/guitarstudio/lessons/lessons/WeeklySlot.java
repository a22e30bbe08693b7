package com.guitarstudio.lessons.lessons;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * When a recurring slot meets: every {@code intervalWeeks} weeks on {@code day} at {@code
 * startTime}, wall-clock time of the teacher's zone, from {@code startsOn} through {@code endsOn}
 * (inclusive; null means unbounded). With an interval over one week, week 0 is the first {@code day}
 * on or after {@code startsOn}.
 */
record WeeklySlot(DayOfWeek day, LocalTime startTime, LocalDate startsOn, LocalDate endsOn, int intervalWeeks) {

    WeeklySlot {
        if (intervalWeeks < 1 || intervalWeeks > 4) {
            throw new IllegalArgumentException("A slot meets every 1 to 4 weeks, not every " + intervalWeeks);
        }
        if (intervalWeeks > 1 && startsOn == null) {
            throw new IllegalArgumentException(
                    "A slot that meets every " + intervalWeeks + " weeks needs a first date");
        }
    }

    /** Every week, without bounds. */
    WeeklySlot(DayOfWeek day, LocalTime startTime) {
        this(day, startTime, null, null, 1);
    }
}
