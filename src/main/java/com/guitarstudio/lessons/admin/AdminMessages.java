package com.guitarstudio.lessons.admin;

import com.guitarstudio.lessons.generation.GenerationResult;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Component;

/** The admin page's and API's sentences, from messages.properties (plurals included). */
@Component
class AdminMessages {

    private final MessageSourceAccessor messages;

    AdminMessages(MessageSourceAccessor messages) {
        this.messages = messages;
    }

    String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments);
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
