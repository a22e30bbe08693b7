package com.guitarstudio.lessons.studio;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Slots as entities, for tests of the mapping; production reads slots with SQL (see {@link EligibleSlots}). */
interface RecurringSlotCrudRepository extends JpaRepository<RecurringSlot, UUID> {}
