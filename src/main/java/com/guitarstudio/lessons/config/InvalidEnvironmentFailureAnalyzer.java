package com.guitarstudio.lessons.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * A setting found wrong once Spring is running (a cron expression, ADMIN_PASSWORD, …) is reported
 * as Spring Boot's short "APPLICATION FAILED TO START" block naming the variable, not as a stack
 * trace. Registered in META-INF/spring.factories; ordered first so the variable's own message
 * wins over the generic binding report.
 */
class InvalidEnvironmentFailureAnalyzer extends AbstractFailureAnalyzer<InvalidEnvironment> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidEnvironment cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Correct the environment variable named above (see .env.example) and start the service again.",
                cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
