package com.guitarstudio.lessons.lessons;

import com.guitarstudio.lessons.config.InvalidEnvironment;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which lessons the service keeps, and how it keeps them in step with their slots.
 * application.properties maps GENERATION_HORIZON_WEEKS, GENERATION_RECONCILE and
 * GENERATION_RECONCILE_NOTICE onto these and holds their defaults.
 *
 * @param horizonWeeks how many weeks ahead lessons exist
 * @param reconcile whether a run changes the lessons it wrote when their slot changed; false only
 *     reports what it would change (the preview and the slot-drift health check)
 * @param reconcileNotice lessons starting sooner than this are never changed automatically
 */
@ConfigurationProperties("app.lessons")
@Validated
public record LessonProperties(
        @Min(1) @Max(104) int horizonWeeks,
        boolean reconcile,
        @NotNull Duration reconcileNotice) {

    /** The longest notice period: two weeks. */
    static final Duration MAX_NOTICE = Duration.ofDays(14);

    public LessonProperties {
        if (reconcileNotice != null && (reconcileNotice.isNegative() || reconcileNotice.compareTo(MAX_NOTICE) > 0)) {
            throw InvalidEnvironment.invalid(
                    "GENERATION_RECONCILE_NOTICE",
                    "must lie between PT0S and P14D (an ISO-8601 duration such as PT24H or P2D), not "
                            + reconcileNotice);
        }
    }
}
