/**
 * The one room that writes {@code lesson} rows: the lessons a run inserts, the lessons it brings in
 * line with their slot when the slot changed (moved, repriced, ended, cancelled), and the lessons a
 * closure closes and gives back ({@link com.guitarstudio.lessons.lessons.ClosedLessons}). It owns
 * every rule that decides a lesson: the time-zone, term, cadence and closed-date rules ({@code
 * OccurrencePlanner}), which lessons are still the service's ({@code OwnedLessons}), the calendar lock,
 * and what the service last planned each slot with ({@code planned_slot}).
 */
@ApplicationModule(allowedDependencies = {"config", "studio", "joblog", "health"})
package com.guitarstudio.lessons.lessons;

import org.springframework.modulith.ApplicationModule;
