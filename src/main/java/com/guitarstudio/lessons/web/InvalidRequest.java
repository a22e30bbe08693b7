package com.guitarstudio.lessons.web;

/** The client sent something the API cannot use; the message says what to send instead. Answered 400. */
public class InvalidRequest extends RuntimeException {

    private final String parameter;

    public InvalidRequest(String message) {
        this(null, message);
    }

    /** About one query parameter, named in the answer. */
    public InvalidRequest(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
