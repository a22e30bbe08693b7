package com.guitarstudio.lessons.health;

import com.guitarstudio.lessons.config.Futures;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * The health report as the admin page, the admin API and {@code /actuator/health} show it: checked
 * afresh on every request, so an admin who fixes something and reloads sees it at once. The
 * studio's numbers are read on a second connection while the checks run, which keeps a report at
 * 100,000 slots well under the page's budget without keeping old answers around.
 */
@Service
public class HealthReports {

    private final List<HealthCheck> checks;
    private final IndicatorsQuery indicators;
    private final Clock clock;
    private final Executor executor;

    HealthReports(
            List<HealthCheck> checks,
            IndicatorsQuery indicators,
            Clock clock,
            @Qualifier("applicationTaskExecutor") Executor executor) {
        this.checks = checks;
        this.indicators = indicators;
        this.clock = clock;
        this.executor = executor;
    }

    public HealthReport current() {
        Instant now = clock.instant();
        CompletableFuture<Indicators> studio = CompletableFuture.supplyAsync(indicators::read, executor);
        List<HealthIssue> issues = checks.stream()
                .map(check -> check.check(() -> Futures.join(studio)))
                .flatMap(Optional::stream)
                .toList();
        return new HealthReport(issues, Futures.join(studio), now);
    }
}
