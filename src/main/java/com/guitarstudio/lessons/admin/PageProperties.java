package com.guitarstudio.lessons.admin;

import com.guitarstudio.lessons.config.InvalidEnvironment;
import jakarta.validation.constraints.NotNull;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the admin pages show times.
 *
 * @param zone the studio's zone (STUDIO_TIME_ZONE, by default GENERATION_ZONE): the pages' times and
 *     the history's days are in it; the schedule keeps GENERATION_ZONE, so changing one never moves
 *     the other
 */
@ConfigurationProperties("app.pages")
@Validated
record PageProperties(@NotNull String zone) {

    PageProperties {
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw InvalidEnvironment.invalid(
                        "STUDIO_TIME_ZONE",
                        "'" + zone + "' is not a time zone id, for example America/New_York or UTC");
            }
        }
    }
}
