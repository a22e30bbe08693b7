package com.guitarstudio.lessons.security;

import com.guitarstudio.lessons.studio.Role;
import java.util.UUID;

/**
 * A user as sign-in sees them. {@code admin}: role ADMIN, or a TEACHER whose profile has
 * {@code is_admin}.
 */
record Account(UUID id, String email, String name, Role role, String passwordHash, boolean admin) {

    SignedInUser signedIn() {
        return new SignedInUser(id, email, name, role, admin);
    }

    @Override
    public String toString() {
        return "Account[id=" + id + ", email=" + email + ", role=" + role + ", admin=" + admin + "]";
    }
}
