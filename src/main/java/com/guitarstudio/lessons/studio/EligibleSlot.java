package com.guitarstudio.lessons.studio;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A slot that gets lessons, with what generation needs of its teacher: a row of {@link
 * RecurringSlotRepository#findEligibleSlotsOfNextTeachers}, its components named like the query's
 * columns.
 *
 * @param timezone the stored zone id, possibly not a valid one (generation reports the teacher then)
 * @param dayOfWeek the column's value, 0 = Sunday … 6 = Saturday
 * @param startTime wall-clock time in the teacher's zone
 * @param price cents, copied to each lesson
 * @param startsOn the slot's first date, null when it has none
 * @param endsOn the slot's last date (inclusive), null when it is open-ended
 * @param intervalWeeks 1 every week, 2 every other week, … up to 4
 * @param generatedThrough the latest occurrence date of the slot's lessons, null when it has none
 */
public record EligibleSlot(
        UUID teacherId,
        String teacherName,
        String timezone,
        UUID slotId,
        UUID studentId,
        short dayOfWeek,
        LocalTime startTime,
        int durationMinutes,
        int price,
        LocalDate startsOn,
        LocalDate endsOn,
        short intervalWeeks,
        LocalDate generatedThrough) {

    public DayOfWeek day() {
        return DayOfWeekColumn.fromColumn(dayOfWeek);
    }
}
