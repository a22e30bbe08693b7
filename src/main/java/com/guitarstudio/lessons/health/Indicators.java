package com.guitarstudio.lessons.health;

/**
 * Numbers that describe the studio at a glance.
 *
 * @param totalUsers every user
 * @param activeTeachers teachers with {@code is_active}
 * @param activeStudents students with {@code is_active}
 * @param activeRecurringSlots slots with status ACTIVE
 * @param teachersWithSettings active teachers with lesson settings
 * @param teachersWithoutSettings active teachers without lesson settings
 * @param oldSlotsCount active slots booked more than six months ago
 * @param orphanedSlotsCount active slots whose teacher or student is inactive, or whose student has another teacher
 * @param recentLessons lessons that started in the last seven days
 * @param upcomingLessons scheduled lessons in the next seven days
 */
public record Indicators(
        long totalUsers,
        long activeTeachers,
        long activeStudents,
        long activeRecurringSlots,
        long teachersWithSettings,
        long teachersWithoutSettings,
        long oldSlotsCount,
        long orphanedSlotsCount,
        long recentLessons,
        long upcomingLessons) {}
