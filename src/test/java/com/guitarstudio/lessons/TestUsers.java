package com.guitarstudio.lessons;

/**
 * The users {@link StudioFixtures#signInUsers()} creates, one of every kind the access rules tell
 * apart, all with the same password.
 */
public final class TestUsers {

    public static final String PASSWORD = "correct horse battery staple";
    public static final String STUDENT = "student@studio.test";
    public static final String TEACHER = "teacher@studio.test";
    public static final String ADMIN_TEACHER = "admin-teacher@studio.test";
    public static final String ADMIN = "admin@studio.test";

    private TestUsers() {}
}
