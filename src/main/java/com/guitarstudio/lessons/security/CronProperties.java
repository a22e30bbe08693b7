package com.guitarstudio.lessons.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param secret CRON_SECRET: the bearer secret external cron services send; blank leaves the endpoint open */
@ConfigurationProperties("app.cron")
record CronProperties(String secret) {

    @Override
    public String toString() {
        return "CronProperties[secret=" + (secret == null || secret.isBlank() ? "unset" : "******") + "]";
    }
}
