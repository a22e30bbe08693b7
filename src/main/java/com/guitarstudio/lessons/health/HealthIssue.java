package com.guitarstudio.lessons.health;

import org.springframework.context.support.MessageSourceAccessor;

/**
 * One problem a health check found.
 *
 * @param check which check found it, such as {@code orphaned-slots}
 * @param count how many teachers, slots or runs it concerns
 * @param message one sentence, with the count
 * @param suggestion what to do about it
 */
public record HealthIssue(String check, long count, String message, String suggestion) {

    /**
     * The issue of {@code check}, worded by the messages {@code health.<check>.message} and {@code
     * .suggestion}, which may use {@code {0}} (the count) and {@code arguments} from {@code {1}} on.
     */
    public static HealthIssue of(String check, long count, MessageSourceAccessor messages, Object... arguments) {
        return worded(check, "health." + check, count, messages, arguments);
    }

    /** Like {@link #of}, for a check with several wordings: the messages {@code <key>.message} and {@code .suggestion}. */
    public static HealthIssue worded(
            String check, String key, long count, MessageSourceAccessor messages, Object... arguments) {
        Object[] all = new Object[arguments.length + 1];
        all[0] = count;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return new HealthIssue(
                check,
                count,
                messages.getMessage(key + ".message", all),
                messages.getMessage(key + ".suggestion", all));
    }
}
