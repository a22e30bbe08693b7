package com.guitarstudio.lessons.generation;

import com.guitarstudio.lessons.config.ThreadPools;
import java.time.Duration;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The threads that write a run's chunks, GENERATION_WRITERS of them (see {@link LessonGenerator}). */
@Configuration(proxyBeanMethods = false)
class GenerationThreads {

    /** A chunk's write is one transaction of a few seconds at most; shutdown lets it commit. */
    private static final Duration FINISH_WITHIN = Duration.ofSeconds(30);

    @Bean
    ThreadPoolTaskExecutor lessonWriters(ThreadPoolTaskExecutorBuilder builder, GenerationProperties properties) {
        return ThreadPools.pool(builder, "lesson-writer", properties.writers(), FINISH_WITHIN);
    }
}
