package com.guitarstudio.lessons.studio;

/** {@code recurring_slot.status}; only ACTIVE slots get lessons. */
public enum SlotStatus {
    ACTIVE,
    CANCELLED,
    SUSPENDED,
    EXPIRED
}
