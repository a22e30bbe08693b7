package com.guitarstudio.lessons.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code LOG_FORMAT=json} makes every console line a JSON object (Spring Boot's structured logging
 * in the Elastic Common Schema) and drops the banner, for log collectors; anything else, or unset,
 * keeps Boot's plain text. Runs before logging starts (registered in META-INF/spring.factories).
 */
class LogFormat implements EnvironmentPostProcessor {

    static final String VARIABLE = "LOG_FORMAT";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("json".equalsIgnoreCase(environment.getProperty(VARIABLE, "").trim())) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "logFormat",
                            Map.of(
                                    "logging.structured.format.console", "ecs",
                                    "spring.main.banner-mode", "off")));
        }
    }
}
