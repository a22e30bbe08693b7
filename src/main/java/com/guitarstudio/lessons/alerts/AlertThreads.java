package com.guitarstudio.lessons.alerts;

import com.guitarstudio.lessons.config.ThreadPools;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The threads alerts are sent on, so a slow or dead webhook never delays a run. */
@Configuration(proxyBeanMethods = false)
class AlertThreads {

    private static final int THREADS = 2;

    /** Stopping: alerts already handed over get one attempt's time to go out. */
    @Bean
    ThreadPoolTaskExecutor alertSenders(ThreadPoolTaskExecutorBuilder builder, AlertProperties properties) {
        return ThreadPools.pool(builder, "alert", THREADS, properties.timeout());
    }
}
