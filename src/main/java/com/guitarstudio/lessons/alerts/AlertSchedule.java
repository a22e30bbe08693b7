package com.guitarstudio.lessons.alerts;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** With ALERT_WEBHOOK_URL set, every instance looks for a missed run once a minute. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnExpression("'${app.alerts.webhook-url:}' != ''")
class AlertSchedule {

    private static final Logger log = LoggerFactory.getLogger(AlertSchedule.class);

    private final RunAlerts alerts;

    AlertSchedule(RunAlerts alerts) {
        this.alerts = alerts;
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void checkMissedRun() {
        try {
            alerts.checkMissedRun();
        } catch (DataAccessException e) {
            // readiness reports the outage; one line a minute says the check could not look
            log.warn("Could not check for a missed lesson generation run: {}", e.getMessage());
        }
    }
}
