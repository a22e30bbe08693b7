package com.guitarstudio.lessons.cron;

import com.guitarstudio.lessons.health.HealthCheck;
import com.guitarstudio.lessons.health.HealthIssue;
import com.guitarstudio.lessons.health.Indicators;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The {@code cron-secret} health check: without CRON_SECRET anyone can start lesson generation. */
@Component
@Order(200)
class CronSecretCheck implements HealthCheck {

    private final CronSecret secret;
    private final MessageSourceAccessor messages;

    CronSecretCheck(CronSecret secret, MessageSourceAccessor messages) {
        this.secret = secret;
        this.messages = messages;
    }

    @Override
    public Optional<HealthIssue> check(Supplier<Indicators> indicators) {
        return secret.isSet() ? Optional.empty() : Optional.of(HealthIssue.of("cron-secret", 1, messages));
    }
}
