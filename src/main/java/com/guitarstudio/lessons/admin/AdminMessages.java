package com.guitarstudio.lessons.admin;

import com.guitarstudio.lessons.generation.GenerationResult;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The admin page's and API's sentences, from messages.properties (plurals included). */
@Component
class AdminMessages {

    private final MessageSource messages;

    AdminMessages(MessageSource messages) {
        this.messages = messages;
    }

    String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.ENGLISH);
    }

    /** The {@code message} of the manual-run API. */
    String manualRun(GenerationResult result) {
        return switch (result.status()) {
            case SUCCESS -> get("api.manualRun.success", result.lessonsGenerated(), result.teachersProcessed());
            case SKIPPED -> get("generation.alreadyRunning");
            default -> get("api.manualRun.errors");
        };
    }
}
