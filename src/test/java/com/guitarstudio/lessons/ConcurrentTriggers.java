package com.guitarstudio.lessons;

import static org.awaitility.Awaitility.await;

import com.guitarstudio.lessons.generation.GenerationResult;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Releases triggers together (a barrier) on the given runners, holds the run that gets the lock
 * until every other trigger has its answer, then lets it finish: what "at once" means, made
 * deterministic.
 */
public final class ConcurrentTriggers {

    private ConcurrentTriggers() {}

    /** Trigger {@code i} runs on {@code runners.get(i % runners.size())}. */
    public static List<GenerationResult> fire(int triggers, List<LessonGenerationService> runners) throws Exception {
        RunGate.holdRuns();
        CyclicBarrier start = new CyclicBarrier(triggers);
        ExecutorService pool = Executors.newFixedThreadPool(triggers);
        try {
            List<CompletableFuture<GenerationResult>> runs = new ArrayList<>();
            for (int i = 0; i < triggers; i++) {
                LessonGenerationService runner = runners.get(i % runners.size());
                JobTrigger trigger = JobTrigger.values()[i % JobTrigger.values().length];
                runs.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                start.await(30, TimeUnit.SECONDS);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            return runner.run(trigger, "trigger " + trigger);
                        },
                        pool));
            }
            RunGate.awaitRunHeld();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> runs.stream().filter(CompletableFuture::isDone).count() == triggers - 1);
            RunGate.releaseRuns();
            List<GenerationResult> results = new ArrayList<>();
            for (CompletableFuture<GenerationResult> run : runs) {
                results.add(run.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            RunGate.releaseRuns();
            pool.shutdownNow();
        }
    }
}
