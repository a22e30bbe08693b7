package com.guitarstudio.lessons.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param email ADMIN_EMAIL @param password ADMIN_PASSWORD: create this admin at startup if no user has the email */
@ConfigurationProperties("app.admin")
record AdminProperties(String email, String password) {

    @Override
    public String toString() {
        return "AdminProperties[email=" + email + ", password=******]";
    }
}
