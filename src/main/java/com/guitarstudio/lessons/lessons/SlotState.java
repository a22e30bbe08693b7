package com.guitarstudio.lessons.lessons;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A slot as a run finds it: its terms now, whether it gets lessons now ({@code eligible}), the
 * latest occurrence date of its lessons, and how its lessons were last brought in line ({@code
 * planned}, null when never).
 */
record SlotState(UUID slotId, SlotTerms terms, boolean eligible, LocalDate generatedThrough, PlannedSlot planned) {

    /**
     * Whether the slot changed since its lessons were last brought in line: its terms or its
     * eligibility. A slot that never had them brought in line has nothing to compare, unless it has
     * lessons (a slot that had none when the service was upgraded).
     */
    boolean changed() {
        if (planned == null) {
            return generatedThrough != null;
        }
        if (eligible != planned.eligible()) {
            return true;
        }
        return eligible && !terms.equals(planned.terms());
    }
}
