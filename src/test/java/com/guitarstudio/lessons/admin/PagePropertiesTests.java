package com.guitarstudio.lessons.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * STUDIO_TIME_ZONE sets the zone the pages show, GENERATION_ZONE the schedule's: the pages follow
 * the schedule's zone until the studio names its own, and naming it never moves the nightly run.
 */
class PagePropertiesTests {

    @ParameterizedTest(name = "GENERATION_ZONE={0} STUDIO_TIME_ZONE={1}")
    @CsvSource(textBlock = """
            ,                ,                 UTC,              UTC
            America/Chicago, ,                 America/Chicago,  America/Chicago
            America/Chicago, Europe/Berlin,    Europe/Berlin,    America/Chicago
            ,                America/New_York, America/New_York, UTC
            """)
    void thePagesZoneDefaultsToTheSchedulesAndNeverMovesIt(
            String generationZone, String studioZone, String pages, String schedule) throws IOException {
        Map<String, Object> variables = new HashMap<>();
        if (generationZone != null) {
            variables.put("GENERATION_ZONE", generationZone);
        }
        if (studioZone != null) {
            variables.put("STUDIO_TIME_ZONE", studioZone);
        }
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        environment
                .getPropertySources()
                .addLast(new ResourcePropertySource(new ClassPathResource("application.properties")));

        PageProperties bound =
                Binder.get(environment).bind("app.pages", PageProperties.class).get();

        assertThat(bound.zone()).isEqualTo(pages);
        assertThat(environment.getProperty("app.generation.zone")).isEqualTo(schedule);
    }
}
