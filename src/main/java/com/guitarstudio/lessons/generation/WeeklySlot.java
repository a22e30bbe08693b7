package com.guitarstudio.lessons.generation;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** When a recurring slot meets: every {@code day} at {@code startTime}, wall-clock time of the teacher's zone. */
record WeeklySlot(DayOfWeek day, LocalTime startTime) {}
