package com.guitarstudio.lessons.lessons;

import java.util.List;
import java.util.UUID;

/**
 * A teacher of a chunk with the slots a run looks at: those that get lessons, and those that got
 * lessons until they stopped (their lessons are cancelled). {@code timezone} is the stored text,
 * possibly not a zone id Java knows.
 */
record TeacherSlots(UUID teacherId, String teacherName, String timezone, List<SlotState> slots) {

    /** The slots that get lessons: what the run's rows count as the teacher's slots. */
    int eligibleSlots() {
        return (int) slots.stream().filter(SlotState::eligible).count();
    }

    String describe(String reason) {
        return "Teacher " + teacherName + " (" + teacherId + "): " + reason;
    }
}
