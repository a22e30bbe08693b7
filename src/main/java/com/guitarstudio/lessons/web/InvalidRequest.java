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

    /** The client's text as an answer quotes it: shortened, with control characters shown as '?'. */
    public static String shown(String value) {
        String shortened = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return shortened
                .codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
