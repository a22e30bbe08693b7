package com.guitarstudio.lessons.calendar;

/** A closure like one that exists already: the same kind, teacher and days. */
class DuplicateClosure extends RuntimeException {

    private final ClosureService.ClosureView existing;

    DuplicateClosure(ClosureService.ClosureView existing) {
        super("A closure of the same kind, teacher and days exists: " + existing.id());
        this.existing = existing;
    }

    ClosureService.ClosureView existing() {
        return existing;
    }
}
