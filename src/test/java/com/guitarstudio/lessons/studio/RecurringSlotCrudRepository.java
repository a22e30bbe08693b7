package com.guitarstudio.lessons.studio;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Slots as entities, for tests of the mapping; production reads slots through {@link RecurringSlotRepository}. */
interface RecurringSlotCrudRepository extends JpaRepository<RecurringSlot, UUID> {}
