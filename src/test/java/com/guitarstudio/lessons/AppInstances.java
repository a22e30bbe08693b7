package com.guitarstudio.lessons;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole instances of the service, started by a test with its own arguments on the test database
 * (random port, test clock), for what a cached test context cannot show: startup behaviour,
 * several instances at once. Close it after each test.
 */
public final class AppInstances implements AutoCloseable {

    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    /** Starts an instance; {@code arguments} are command-line style, {@code --name=value}. */
    public ConfigurableApplicationContext start(String... arguments) {
        String[] all = Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = "--server.port=0";
        ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        LessonServiceApplication.class, IntegrationTestConfiguration.class)
                .run(all);
        started.add(context);
        return context;
    }

    @Override
    public void close() {
        started.forEach(ConfigurableApplicationContext::close);
        started.clear();
    }
}
