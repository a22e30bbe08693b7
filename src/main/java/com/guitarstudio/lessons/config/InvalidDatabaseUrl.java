package com.guitarstudio.lessons.config;

/**
 * DATABASE_URL (or a variable in its place) is missing or cannot be understood. The message is one
 * line meant for the operator: it names the variable, says what is wrong and shows a valid value. It
 * never repeats the URL, which may hold a password.
 */
public class InvalidDatabaseUrl extends IllegalArgumentException {

    static final String EXAMPLES = "for example postgres://user:password@db.example.com:5432/studio?sslmode=require"
            + " or jdbc:postgresql://localhost:5432/studio";

    private InvalidDatabaseUrl(String message) {
        super(message);
    }

    static InvalidDatabaseUrl missing(String variable) {
        return new InvalidDatabaseUrl(variable + " is not set: set it to the PostgreSQL database to use, " + EXAMPLES);
    }

    static InvalidDatabaseUrl invalid(String variable, String problem) {
        return new InvalidDatabaseUrl(variable + " is not a valid PostgreSQL URL: " + problem + "; " + EXAMPLES);
    }
}
