package com.guitarstudio.lessons.alerts;

import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** With ALERT_WEBHOOK_URL set, every instance looks for a missed run once a minute. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnExpression("'${app.alerts.webhook-url:}' != ''")
class AlertSchedule {

    private final RunAlerts alerts;

    AlertSchedule(RunAlerts alerts) {
        this.alerts = alerts;
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void checkMissedRun() {
        alerts.checkMissedRun();
    }
}
