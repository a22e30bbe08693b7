package com.guitarstudio.lessons.cron;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param secret CRON_SECRET: the bearer secret external cron services send; unset or blank leaves the endpoint open */
@ConfigurationProperties("app.cron")
@Validated
record CronProperties(String secret) {

    @Override
    public String toString() {
        return "CronProperties[secret=" + (secret == null || secret.isBlank() ? "unset" : "******") + "]";
    }
}
