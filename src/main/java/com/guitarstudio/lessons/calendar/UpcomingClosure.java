package com.guitarstudio.lessons.calendar;

import java.time.LocalDate;

/** A closure in effect or still to come, as the background-jobs page lists it; {@code teacherName} null for the whole studio. */
public record UpcomingClosure(
        LocalDate startsOn, LocalDate endsOn, String teacherName, String reason, long lessonsClosed) {}
