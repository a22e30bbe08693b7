package com.guitarstudio.lessons.lessons;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A lesson row to insert for one occurrence of a slot. */
record PlannedLesson(
        UUID teacherId,
        UUID studentId,
        UUID slotId,
        LocalDate occurrenceDate,
        Instant startAt,
        int durationMinutes,
        int price,
        String timezone) {}
