package com.guitarstudio.lessons.studio;

/** {@code app_user.role}. */
public enum Role {
    ADMIN,
    TEACHER,
    STUDENT
}
