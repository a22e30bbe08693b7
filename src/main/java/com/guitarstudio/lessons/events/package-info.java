/**
 * Lesson change events: the {@code lesson_event} outbox (written by a trigger on {@code lesson}, in
 * the transaction of each change the service makes, see the lessons module's {@code EventCause}),
 * the API a studio app polls it through, and its retention.
 */
@ApplicationModule(allowedDependencies = {"config", "generation", "web"})
package com.guitarstudio.lessons.events;

import org.springframework.modulith.ApplicationModule;
