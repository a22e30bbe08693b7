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
 * {@code lessons.generated} (lessons inserted), {@code lessons.reconciled} (lessons the service wrote
 * earlier that runs brought in line with their slot, by {@code change}: updated, cancelled, held) and
 * {@code lessons.generation.last.success} (epoch
 * seconds of the last successful run, 0 before the first; read from job_log at startup so a restart
 * does not forget it).
 */
@Component
class GenerationMetrics {

    private final MeterRegistry registry;
    private final JobLogService jobLog;
    private final Counter lessonsGenerated;
    private final Counter lessonsUpdated;
    private final Counter lessonsCancelled;
    private final Counter lessonsHeld;
    private final AtomicLong lastSuccessEpochSeconds = new AtomicLong();

    GenerationMetrics(MeterRegistry registry, JobLogService jobLog) {
        this.registry = registry;
        this.jobLog = jobLog;
        this.lessonsGenerated = Counter.builder("lessons.generated")
                .description("Lessons inserted by generation runs")
                .register(registry);
        this.lessonsUpdated = reconciled("updated");
        this.lessonsCancelled = reconciled("cancelled");
        this.lessonsHeld = reconciled("held");
        Gauge.builder("lessons.generation.last.success", lastSuccessEpochSeconds, AtomicLong::get)
                .description("When the last successful generation run started (epoch seconds, 0 if never)")
                .baseUnit("seconds")
                .register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadLastSuccess() {
        jobLog.lastSuccess().ifPresent(at -> lastSuccessEpochSeconds.accumulateAndGet(at.getEpochSecond(), Math::max));
    }

    private Counter reconciled(String change) {
        return Counter.builder("lessons.reconciled")
                .description("Lessons written earlier that runs brought in line with their slot, or held")
                .tag("change", change)
                .register(registry);
    }

    void recordRun(JobTrigger trigger, GenerationResult result, Duration duration, Instant startedAt) {
        Timer.builder("lessons.generation")
                .description("Lesson generation runs")
                .tag("trigger", trigger.name())
                .tag("status", result.status().name())
                .register(registry)
                .record(duration);
        lessonsGenerated.increment(result.lessonsGenerated());
        lessonsUpdated.increment(result.lessonsUpdated());
        lessonsCancelled.increment(result.lessonsCancelled());
        lessonsHeld.increment(result.lessonsHeld());
        if (result.status() == JobStatus.SUCCESS) {
            lastSuccessEpochSeconds.accumulateAndGet(startedAt.getEpochSecond(), Math::max);
        }
    }
}
