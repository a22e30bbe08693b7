package com.guitarstudio.lessons.config;

/**
 * An environment variable the service needs is missing or cannot be understood. The message is one
 * line meant for the operator: it names the variable, says what is wrong and shows a valid value.
 * It never repeats the value, which may be a secret.
 */
public class InvalidEnvironment extends IllegalArgumentException {

    private InvalidEnvironment(String message) {
        super(message);
    }

    public static InvalidEnvironment missing(String variable, String whatToSet) {
        return new InvalidEnvironment(variable + " is not set: " + whatToSet);
    }

    public static InvalidEnvironment invalid(String variable, String problem) {
        return new InvalidEnvironment(variable + " " + problem);
    }
}
