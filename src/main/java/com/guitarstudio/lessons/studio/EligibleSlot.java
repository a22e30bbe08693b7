package com.guitarstudio.lessons.studio;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** A slot that gets lessons, with what generation needs of its teacher. */
public interface EligibleSlot {

    UUID getTeacherId();

    String getTeacherName();

    /** The stored zone id, possibly not a valid one (generation reports the teacher then). */
    String getTimezone();

    UUID getSlotId();

    UUID getStudentId();

    /** The column's value, 0 = Sunday … 6 = Saturday. */
    short getDayOfWeek();

    /** Wall-clock time in the teacher's zone. */
    LocalTime getStartTime();

    int getDurationMinutes();

    /** Cents, copied to each lesson. */
    int getPrice();

    /** The latest occurrence date of the slot's lessons, null when it has none. */
    LocalDate getGeneratedThrough();

    default DayOfWeek day() {
        return DayOfWeekColumn.fromColumn(getDayOfWeek());
    }
}
