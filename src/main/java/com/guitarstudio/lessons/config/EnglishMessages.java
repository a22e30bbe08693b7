package com.guitarstudio.lessons.config;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.MessageSourceAccessor;

/** Every page, message and log line is written in English, whatever a browser asks for. */
@Configuration(proxyBeanMethods = false)
class EnglishMessages {

    @Bean
    MessageSourceAccessor messages(MessageSource messageSource) {
        return new MessageSourceAccessor(messageSource, Locale.ENGLISH);
    }
}
