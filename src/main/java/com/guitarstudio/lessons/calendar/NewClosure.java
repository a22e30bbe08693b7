package com.guitarstudio.lessons.calendar;

import java.time.LocalDate;
import java.util.UUID;

/** A closure to create, checked ({@link ClosureForm#validate}). {@code teacherId} is null for the whole studio. */
record NewClosure(UUID teacherId, ClosureKind kind, LocalDate startsOn, LocalDate endsOn, String reason) {}
