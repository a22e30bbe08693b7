package com.guitarstudio.lessons.generation;

import com.guitarstudio.lessons.joblog.JobLogService;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Micrometer view of generation: {@code lessons.generation} (a timer per trigger and status),
 * {@code lessons.generated} (lessons inserted) and {@code lessons.generation.last.success} (epoch
 * seconds of the last successful run, 0 before the first; read from job_log at startup so a restart
 * does not forget it).
 */
@Component
class GenerationMetrics {

    private final MeterRegistry registry;
    private final JobLogService jobLog;
    private final Counter lessonsGenerated;
    private final AtomicLong lastSuccessEpochSeconds = new AtomicLong();

    GenerationMetrics(MeterRegistry registry, JobLogService jobLog) {
        this.registry = registry;
        this.jobLog = jobLog;
        this.lessonsGenerated = Counter.builder("lessons.generated")
                .description("Lessons inserted by generation runs")
                .register(registry);
        Gauge.builder("lessons.generation.last.success", lastSuccessEpochSeconds, AtomicLong::get)
                .description("When the last successful generation run started (epoch seconds, 0 if never)")
                .baseUnit("seconds")
                .register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadLastSuccess() {
        jobLog.lastSuccess().ifPresent(at -> lastSuccessEpochSeconds.accumulateAndGet(at.getEpochSecond(), Math::max));
    }

    void recordRun(JobTrigger trigger, JobStatus status, Duration duration, int lessons, Instant startedAt) {
        Timer.builder("lessons.generation")
                .description("Lesson generation runs")
                .tag("trigger", trigger.name())
                .tag("status", status.name())
                .register(registry)
                .record(duration);
        lessonsGenerated.increment(lessons);
        if (status == JobStatus.SUCCESS) {
            lastSuccessEpochSeconds.accumulateAndGet(startedAt.getEpochSecond(), Math::max);
        }
    }
}
