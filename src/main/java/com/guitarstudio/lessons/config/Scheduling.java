package com.guitarstudio.lessons.config;

import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The application's one scheduler: the daily run ({@code @Scheduled}), the missed-run check, the
 * generation lock's renewal and the health report's refresh. It has {@value #THREADS} threads so the
 * lock's renewal never waits behind a run the schedule started (that run holds one thread for its
 * whole length). Spring stops it after everything else, not when the context starts to close, so a
 * run that is stopping can still renew and let go of its lock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Scheduling {

    static final int THREADS = 4;

    @Bean
    ThreadPoolTaskScheduler taskScheduler(ThreadPoolTaskSchedulerBuilder builder) {
        ThreadPoolTaskScheduler scheduler =
                builder.poolSize(THREADS).threadNamePrefix("scheduling-").build();
        scheduler.setAcceptTasksAfterContextClose(true);
        return scheduler;
    }
}
