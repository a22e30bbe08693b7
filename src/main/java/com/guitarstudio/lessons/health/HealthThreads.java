package com.guitarstudio.lessons.health;

import com.guitarstudio.lessons.config.ThreadPools;
import java.time.Duration;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads a health report's checks run on: however many reports are asked for at once, they hold
 * at most {@value #THREADS} database connections.
 */
@Configuration(proxyBeanMethods = false)
class HealthThreads {

    static final int THREADS = 3;

    /**
     * A check that is running (a second, say) may finish before the connection pool closes under it,
     * so shutting down logs no broken connection.
     */
    private static final Duration FINISH_WITHIN = Duration.ofSeconds(10);

    @Bean
    ThreadPoolTaskExecutor healthChecks(ThreadPoolTaskExecutorBuilder builder) {
        return ThreadPools.pool(builder, "health", THREADS, FINISH_WITHIN);
    }
}
