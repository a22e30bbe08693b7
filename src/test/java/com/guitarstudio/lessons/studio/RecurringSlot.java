package com.guitarstudio.lessons.studio;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** A weekly booking ({@code recurring_slot}): every {@code dayOfWeek} at {@code startTime}, the teacher's local time. */
@Entity
@Table(name = "recurring_slot")
class RecurringSlot {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "teacher_id", nullable = false)
    private TeacherProfile teacher;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id", nullable = false)
    private StudentProfile student;

    @Convert(converter = DayOfWeekConverter.class)
    @Column(nullable = false, columnDefinition = "smallint")
    private DayOfWeek dayOfWeek;

    @Column(nullable = false)
    private LocalTime startTime;

    @Column(nullable = false)
    private int durationMinutes;

    /** Cents. */
    @Column(nullable = false)
    private int perLessonPrice;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SlotStatus status;

    @Column(nullable = false)
    private Instant bookedAt;

    private Instant cancelledAt;

    @Generated
    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(insertable = false, updatable = false)
    private Instant updatedAt;

    protected RecurringSlot() {}

    RecurringSlot(
            TeacherProfile teacher,
            StudentProfile student,
            DayOfWeek dayOfWeek,
            LocalTime startTime,
            int durationMinutes,
            int perLessonPrice,
            Instant bookedAt) {
        this.teacher = teacher;
        this.student = student;
        this.dayOfWeek = dayOfWeek;
        this.startTime = startTime;
        this.durationMinutes = durationMinutes;
        this.perLessonPrice = perLessonPrice;
        this.status = SlotStatus.ACTIVE;
        this.bookedAt = bookedAt;
    }

    UUID getId() {
        return id;
    }

    TeacherProfile getTeacher() {
        return teacher;
    }

    StudentProfile getStudent() {
        return student;
    }

    DayOfWeek getDayOfWeek() {
        return dayOfWeek;
    }

    LocalTime getStartTime() {
        return startTime;
    }

    int getDurationMinutes() {
        return durationMinutes;
    }

    int getPerLessonPrice() {
        return perLessonPrice;
    }

    SlotStatus getStatus() {
        return status;
    }

    Instant getBookedAt() {
        return bookedAt;
    }

    Instant getCancelledAt() {
        return cancelledAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
