package com.guitarstudio.lessons.alerts;

import com.guitarstudio.lessons.config.AppProperties;
import com.guitarstudio.lessons.generation.GenerationAbandoned;
import com.guitarstudio.lessons.generation.GenerationFinished;
import com.guitarstudio.lessons.generation.GenerationResult;
import com.guitarstudio.lessons.joblog.JobLogService;
import com.guitarstudio.lessons.studio.EligibleSlots;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Component;

/**
 * Which events are alerted, and how they read. A run's end and the marking of dead runs come as
 * events from generation (the instance that ran, or held the lock, is the one that hears them);
 * the missed run is checked every minute by every instance, and the first to record it sends it.
 * Work that reads the database happens on an alert thread, never on the run's.
 */
@Component
class RunAlerts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final AlertDispatcher dispatcher;
    private final AlertLog alerts;
    private final JobLogService jobLog;
    private final EligibleSlots slots;
    private final AlertProperties properties;
    private final AppProperties app;
    private final MessageSourceAccessor messages;
    private final Clock clock;

    RunAlerts(
            AlertDispatcher dispatcher,
            AlertLog alerts,
            JobLogService jobLog,
            EligibleSlots slots,
            AlertProperties properties,
            AppProperties app,
            MessageSourceAccessor messages,
            Clock clock) {
        this.dispatcher = dispatcher;
        this.alerts = alerts;
        this.jobLog = jobLog;
        this.slots = slots;
        this.properties = properties;
        this.app = app;
        this.messages = messages;
        this.clock = clock;
    }

    @EventListener
    void runFinished(GenerationFinished finished) {
        GenerationResult result = finished.result();
        String trigger = finished.trigger().name();
        switch (result.status()) {
            case FAILED ->
                dispatcher.raise(runAlert(
                        AlertEvent.RUN_FAILED,
                        result,
                        message(
                                "alert.RUN_FAILED",
                                trigger,
                                result.errors().isEmpty() ? "" : result.errors().get(0))));
            case PARTIAL ->
                dispatcher.raise(runAlert(
                        AlertEvent.RUN_PARTIAL,
                        result,
                        message(
                                "alert.RUN_PARTIAL",
                                trigger,
                                result.lessonsGenerated(),
                                result.teachersProcessed(),
                                result.errors().size())));
            case SUCCESS ->
                dispatcher.onAlertThread(() -> alerts.unrecoveredProblem()
                        .ifPresent(problem -> dispatcher.send(alert(
                                AlertEvent.RECOVERED,
                                AlertEvent.RECOVERED + ":" + problem,
                                message(
                                        "alert.RECOVERED",
                                        trigger,
                                        result.lessonsGenerated(),
                                        result.teachersProcessed()),
                                result.jobLogId(),
                                result.status().name(),
                                List.of(),
                                runPage(result.jobLogId())))));
            default -> {
                // SKIPPED and RUNNING never end a run
            }
        }
    }

    @EventListener
    void runsAbandoned(GenerationAbandoned abandoned) {
        for (UUID id : abandoned.jobLogIds()) {
            dispatcher.onAlertThread(() -> jobLog.find(id)
                    .ifPresent(run -> dispatcher.send(alert(
                            AlertEvent.RUN_ABANDONED,
                            AlertEvent.RUN_ABANDONED + ":" + id,
                            message("alert.RUN_ABANDONED", run.trigger().name(), TIME.format(run.executedAt())),
                            id,
                            run.status().name(),
                            run.errors(),
                            runPage(id)))));
        }
    }

    /**
     * Alerts once per missed period: when no run succeeded for ALERT_MISSED_AFTER (counted from the
     * last success, or from the first run when none ever succeeded) while slots that get lessons
     * exist. The period is named by its starting instant, so every instance raises the same alert
     * and only the first to record it sends it.
     */
    void checkMissedRun() {
        if (!properties.enabled()) {
            return;
        }
        Instant now = clock.instant();
        Optional<Instant> lastSuccess = jobLog.lastSuccess();
        Optional<Instant> since = lastSuccess.or(jobLog::firstRun);
        if (since.isEmpty() || since.get().plus(properties.missedAfter()).isAfter(now) || !slots.exist()) {
            return;
        }
        String elapsed = elapsed(Duration.between(since.get(), now));
        String text = lastSuccess.isPresent()
                ? message("alert.RUN_MISSED.late", elapsed, TIME.format(since.get()))
                : message("alert.RUN_MISSED.never", elapsed, TIME.format(since.get()));
        dispatcher.raise(alert(
                AlertEvent.RUN_MISSED,
                AlertEvent.RUN_MISSED + ":" + since.get(),
                text,
                null,
                null,
                List.of(),
                jobsPage()));
    }

    /** A run's alert; a run that never got a job_log row (no database) is named by the time instead. */
    private Alert runAlert(AlertEvent event, GenerationResult result, String text) {
        String link = result.jobLogId() == null ? jobsPage() : runPage(result.jobLogId());
        String key = event + ":" + (result.jobLogId() == null ? clock.instant() : result.jobLogId());
        return alert(event, key, text, result.jobLogId(), result.status().name(), result.errors(), link);
    }

    /** The text ends with the link, which Slack, Mattermost and Teams all make clickable. */
    private static Alert alert(
            AlertEvent event, String key, String text, UUID jobLogId, String status, List<String> errors, String link) {
        return new Alert(event, key, text + " " + link, jobLogId, status, errors, link);
    }

    private String elapsed(Duration duration) {
        return duration.toHours() > 0
                ? message("time.hours", duration.toHours())
                : message("time.minutes", duration.toMinutes());
    }

    private String runPage(UUID jobLogId) {
        return app.link("/admin/background-jobs/runs/" + jobLogId);
    }

    private String jobsPage() {
        return app.link("/admin/background-jobs");
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments);
    }
}
