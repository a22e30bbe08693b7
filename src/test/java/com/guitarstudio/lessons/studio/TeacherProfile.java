package com.guitarstudio.lessons.studio;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** A teacher ({@code teacher_profile}); lessons are planned in the teacher's time zone. */
@Entity
@Table(name = "teacher_profile")
class TeacherProfile {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, unique = true)
    private AppUser user;

    /** An IANA zone id as entered by the studio; not necessarily valid, which the health checks report. */
    @Column(nullable = false)
    private String timezone;

    @Column(name = "is_active", nullable = false)
    private boolean active;

    @Column(name = "is_admin", nullable = false)
    private boolean admin;

    @Generated
    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(insertable = false, updatable = false)
    private Instant updatedAt;

    protected TeacherProfile() {}

    TeacherProfile(AppUser user, String timezone) {
        this.user = user;
        this.timezone = timezone;
        this.active = true;
    }

    UUID getId() {
        return id;
    }

    AppUser getUser() {
        return user;
    }

    String getTimezone() {
        return timezone;
    }

    boolean isActive() {
        return active;
    }

    boolean isAdmin() {
        return admin;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
