package com.guitarstudio.lessons.lessons;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A future lesson that is still exactly as the service last wrote it: generated for {@code slotId}
 * on its local date {@code occurrenceDate}, with {@code values}. Only such lessons are ever changed.
 */
record OwnedLesson(UUID id, UUID slotId, LocalDate occurrenceDate, LessonValues values) {}
