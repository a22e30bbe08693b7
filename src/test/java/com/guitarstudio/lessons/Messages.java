package com.guitarstudio.lessons;

import java.util.Locale;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The application's messages.properties, set up as the application sets it up, for tests without a context. */
public final class Messages {

    private Messages() {}

    public static MessageSourceAccessor source() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setAlwaysUseMessageFormat(true);
        messages.setFallbackToSystemLocale(false);
        return new MessageSourceAccessor(messages, Locale.ENGLISH);
    }
}
