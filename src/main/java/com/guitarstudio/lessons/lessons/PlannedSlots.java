package com.guitarstudio.lessons.lessons;

import com.guitarstudio.lessons.studio.DayOfWeekColumn;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code planned_slot}: each slot as the service last brought its lessons in line with it. Written
 * in the transaction that brought them in line, so a row never claims more than was written.
 */
@Component
class PlannedSlots {

    private static final String UPSERT = """
            insert into planned_slot (slot_id, eligible, teacher_id, student_id, timezone, day_of_week, start_time,
                                      duration_minutes, price, starts_on, ends_on, interval_weeks, held_lessons)
            select slot_id, eligible, teacher_id, student_id, timezone, cast(day_of_week as smallint), start_time,
                   duration_minutes, price, starts_on, ends_on, cast(interval_weeks as smallint),
                   cast(string_to_array(held, ',') as uuid[])
            from unnest(cast(:slots as uuid[]), cast(:eligible as boolean[]), cast(:teachers as uuid[]),
                        cast(:students as uuid[]), cast(:zones as text[]), cast(:days as int[]),
                        cast(:times as time[]), cast(:durations as int[]), cast(:prices as int[]),
                        cast(:startsOn as date[]), cast(:endsOn as date[]), cast(:intervals as int[]),
                        cast(:held as text[]))
                 as s(slot_id, eligible, teacher_id, student_id, timezone, day_of_week, start_time, duration_minutes,
                      price, starts_on, ends_on, interval_weeks, held)
            on conflict (slot_id) do update
            set eligible = excluded.eligible, teacher_id = excluded.teacher_id, student_id = excluded.student_id,
                timezone = excluded.timezone, day_of_week = excluded.day_of_week, start_time = excluded.start_time,
                duration_minutes = excluded.duration_minutes, price = excluded.price, starts_on = excluded.starts_on,
                ends_on = excluded.ends_on, interval_weeks = excluded.interval_weeks,
                held_lessons = excluded.held_lessons
            """;

    private final JdbcClient jdbc;

    PlannedSlots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A slot whose lessons are now in line with {@code terms}, but for the {@code held} ones. */
    record SlotPlan(UUID slotId, boolean eligible, SlotTerms terms, List<UUID> held) {}

    /** Records these slots as planned, in the caller's transaction, with one statement. */
    void record(List<SlotPlan> slots) {
        if (slots.isEmpty()) {
            return;
        }
        jdbc.sql(UPSERT)
                .params(Map.ofEntries(
                        Map.entry("slots", SqlArrays.column(slots, SlotPlan::slotId)),
                        Map.entry("eligible", SqlArrays.column(slots, SlotPlan::eligible)),
                        Map.entry(
                                "teachers",
                                SqlArrays.column(slots, slot -> slot.terms().teacherId())),
                        Map.entry(
                                "students",
                                SqlArrays.column(slots, slot -> slot.terms().studentId())),
                        Map.entry(
                                "zones",
                                SqlArrays.column(slots, slot -> slot.terms().timezone())),
                        Map.entry(
                                "days",
                                SqlArrays.ints(
                                        slots,
                                        slot -> DayOfWeekColumn.toColumn(
                                                slot.terms().day()))),
                        Map.entry(
                                "times",
                                SqlArrays.column(slots, slot -> slot.terms().startTime())),
                        Map.entry(
                                "durations",
                                SqlArrays.ints(slots, slot -> slot.terms().durationMinutes())),
                        Map.entry(
                                "prices",
                                SqlArrays.ints(slots, slot -> slot.terms().price())),
                        Map.entry(
                                "startsOn",
                                SqlArrays.column(slots, slot -> slot.terms().startsOn())),
                        Map.entry(
                                "endsOn",
                                SqlArrays.column(slots, slot -> slot.terms().endsOn())),
                        Map.entry(
                                "intervals",
                                SqlArrays.ints(slots, slot -> slot.terms().intervalWeeks())),
                        Map.entry(
                                "held",
                                SqlArrays.column(
                                        slots,
                                        slot -> slot.held().stream()
                                                .map(UUID::toString)
                                                .collect(Collectors.joining(","))))))
                .update();
    }
}
