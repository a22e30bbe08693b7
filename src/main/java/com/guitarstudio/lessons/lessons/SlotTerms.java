package com.guitarstudio.lessons.lessons;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * What decides a recurring slot's lessons: whose they are, the teacher's zone, when the slot meets
 * and what a lesson costs and lasts. A slot's lessons follow these; when any of them changes, a run
 * brings the lessons it wrote in line.
 *
 * @param timezone the teacher's stored zone id, possibly not one Java knows
 * @param price cents
 * @param startsOn the slot's first date, null when it has none
 * @param endsOn the slot's last date (inclusive), null when it is open-ended
 * @param intervalWeeks 1 every week, 2 every other week, … up to 4
 */
record SlotTerms(
        UUID teacherId,
        UUID studentId,
        String timezone,
        DayOfWeek day,
        LocalTime startTime,
        int durationMinutes,
        int price,
        LocalDate startsOn,
        LocalDate endsOn,
        int intervalWeeks) {

    WeeklySlot weekly() {
        return new WeeklySlot(day, startTime, startsOn, endsOn, intervalWeeks);
    }
}
