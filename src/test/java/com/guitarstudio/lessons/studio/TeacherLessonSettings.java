package com.guitarstudio.lessons.studio;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** What a teacher offers and charges ({@code teacher_lesson_settings}, keyed by the teacher). Prices in cents. */
@Entity
@Table(name = "teacher_lesson_settings")
class TeacherLessonSettings {

    @Id
    private UUID teacherId;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "teacher_id")
    private TeacherProfile teacher;

    @Column(name = "allows_30_min", nullable = false)
    private boolean allows30Min;

    @Column(name = "allows_60_min", nullable = false)
    private boolean allows60Min;

    @Column(name = "price_30_min", nullable = false)
    private int price30Min;

    @Column(name = "price_60_min", nullable = false)
    private int price60Min;

    @Column(nullable = false)
    private int advanceBookingDays;

    @Generated
    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(insertable = false, updatable = false)
    private Instant updatedAt;

    protected TeacherLessonSettings() {}

    TeacherLessonSettings(TeacherProfile teacher, int price30Min, int price60Min) {
        this.teacher = teacher;
        this.allows30Min = true;
        this.allows60Min = true;
        this.price30Min = price30Min;
        this.price60Min = price60Min;
        this.advanceBookingDays = 21;
    }

    UUID getTeacherId() {
        return teacherId;
    }

    TeacherProfile getTeacher() {
        return teacher;
    }

    boolean allows30Min() {
        return allows30Min;
    }

    boolean allows60Min() {
        return allows60Min;
    }

    int getPrice30Min() {
        return price30Min;
    }

    int getPrice60Min() {
        return price60Min;
    }

    int getAdvanceBookingDays() {
        return advanceBookingDays;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
