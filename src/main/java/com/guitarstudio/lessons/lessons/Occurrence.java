package com.guitarstudio.lessons.lessons;

import java.time.Instant;
import java.time.LocalDate;

/** One meeting of a weekly slot: the teacher's local date it belongs to, and the instant it starts. */
record Occurrence(LocalDate date, Instant startAt) {}
