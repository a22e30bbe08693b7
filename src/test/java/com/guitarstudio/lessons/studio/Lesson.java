package com.guitarstudio.lessons.studio;

import jakarta.persistence.Column;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/**
 * A concrete lesson ({@code lesson}). Generated lessons carry their slot and the slot's local
 * {@code occurrenceDate}; one-off lessons created by the main app have neither.
 */
@Entity
@Table(name = "lesson")
class Lesson {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "teacher_id", nullable = false)
    private TeacherProfile teacher;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id", nullable = false)
    private StudentProfile student;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "recurring_slot_id")
    private RecurringSlot recurringSlot;

    private LocalDate occurrenceDate;

    @Column(nullable = false)
    private Instant startAt;

    @Column(nullable = false)
    private int durationMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LessonStatus status;

    @Column(name = "is_recurring", nullable = false)
    private boolean recurring;

    /** Cents. */
    @Column(nullable = false)
    private int price;

    /** The teacher's zone when the lesson was created. */
    @Column(nullable = false)
    private String timezone;

    @Generated
    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(insertable = false, updatable = false)
    private Instant updatedAt;

    protected Lesson() {}

    /** A one-off lesson, not generated from a slot. */
    Lesson(
            TeacherProfile teacher,
            StudentProfile student,
            Instant startAt,
            int durationMinutes,
            int price,
            String timezone) {
        this.teacher = teacher;
        this.student = student;
        this.startAt = startAt;
        this.durationMinutes = durationMinutes;
        this.price = price;
        this.timezone = timezone;
        this.status = LessonStatus.SCHEDULED;
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

    RecurringSlot getRecurringSlot() {
        return recurringSlot;
    }

    LocalDate getOccurrenceDate() {
        return occurrenceDate;
    }

    Instant getStartAt() {
        return startAt;
    }

    int getDurationMinutes() {
        return durationMinutes;
    }

    LessonStatus getStatus() {
        return status;
    }

    boolean isRecurring() {
        return recurring;
    }

    int getPrice() {
        return price;
    }

    String getTimezone() {
        return timezone;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
