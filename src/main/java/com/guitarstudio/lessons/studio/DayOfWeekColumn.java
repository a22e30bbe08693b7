package com.guitarstudio.lessons.studio;

import java.time.DayOfWeek;

/**
 * {@code recurring_slot.day_of_week} counts from Sunday: 0 = Sunday … 6 = Saturday, as the studio's
 * main app writes it. {@link DayOfWeek} counts from Monday = 1. This is the one place that converts.
 */
public final class DayOfWeekColumn {

    private DayOfWeekColumn() {}

    public static DayOfWeek fromColumn(int value) {
        if (value < 0 || value > 6) {
            throw new IllegalArgumentException("day_of_week must be 0 (Sunday) to 6 (Saturday), not " + value);
        }
        return value == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(value);
    }

    public static short toColumn(DayOfWeek day) {
        return (short) (day.getValue() % 7);
    }
}
