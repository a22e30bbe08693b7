package com.guitarstudio.lessons.config;

import java.time.Duration;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The thread pools the modules declare as beans, made one way so the container stops each of them. */
public final class ThreadPools {

    private ThreadPools() {}

    /**
     * A pool of {@code threads} named {@code name-1}, {@code name-2}, … that takes work until the
     * container destroys it (not when the context starts to close: a run stopping at shutdown still
     * hands it work), then lets work in progress go on for up to {@code finishWithin}.
     */
    public static ThreadPoolTaskExecutor pool(
            ThreadPoolTaskExecutorBuilder builder, String name, int threads, Duration finishWithin) {
        return builder.corePoolSize(threads)
                .maxPoolSize(threads)
                .threadNamePrefix(name + "-")
                .acceptTasksAfterContextClose(true)
                .awaitTermination(true)
                .awaitTerminationPeriod(finishWithin)
                .build();
    }
}
