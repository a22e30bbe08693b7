package com.guitarstudio.lessons.lessons;

/**
 * A row of {@code planned_slot}: whether the slot got lessons, and the terms they were planned
 * with, when the service last brought its lessons in line.
 */
record PlannedSlot(boolean eligible, SlotTerms terms) {}
