package com.guitarstudio.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.config.DatabaseConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the Dockerfile's runtime stage does, done without a Docker engine: the packaged jar is
 * extracted with the Dockerfile's own command, its layers are copied into one directory in the
 * order of its COPY lines (files owned by root, as COPY leaves them), and the service is started
 * there with its ENTRYPOINT, its ENV defaults and, as root, a user that cannot write that
 * directory (the image's USER). It must come up and answer the HEALTHCHECK's readiness probe.
 * What this cannot show: the base images, the build stage, and Docker itself (see the README).
 */
class ImageLayoutJarTests {

    private static final Path DOCKERFILE = Path.of("Dockerfile");

    @TempDir
    Path build;

    private DatabaseConnection database;
    private ServiceProcess service;

    @Test
    void theImagesLayoutStartsWithItsEntrypointAsAnUnprivilegedUser() throws Exception {
        String dockerfile = Files.readString(DOCKERFILE);
        Path extracted = build.resolve("extracted");
        run(extractCommand(dockerfile, extracted), build);
        Path app = build.resolve("app");
        Files.createDirectories(app);
        List<String> layers = copiedLayers(dockerfile);
        assertThat(layers)
                .containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        for (String layer : layers) {
            copyInto(extracted.resolve(layer), app);
        }
        // the image's user owns none of it and may only read it, as after COPY in the image
        for (Path directory : List.of(build, app)) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        database = TestDatabase.createEmptyDatabase();
        int port = ServiceProcess.freePort();
        List<String> command = new ArrayList<>(unprivileged());
        command.addAll(entrypoint(dockerfile));
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("DATABASE_") || name.startsWith("SPRING_"));
        // java on the PATH, as in the JRE image; HOME is the user's home, /app in the image
        environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        environment.put("HOME", app.toString());
        environment.putAll(envDefaults(dockerfile));
        environment.put("PORT", Integer.toString(port));
        environment.put("DATABASE_URL", database.jdbcUrl());
        if (database.username() != null) {
            environment.put("DATABASE_USERNAME", database.username());
        }
        if (database.password() != null) {
            environment.put("DATABASE_PASSWORD", database.password());
        }
        environment.put("AUTH_SECRET", "image-layout-test-secret-of-32-bytes!");
        service = ServiceProcess.start(builder);

        service.awaitAnswering(port, healthcheckPath(dockerfile));
        assertThat(service.log()).contains("Started LessonServiceApplication");
        if (isRoot()) {
            assertThat(ProcessHandle.of(service.pid())
                            .flatMap(handle -> handle.info().user()))
                    .hasValue("nobody");
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            TestDatabase.drop(database);
        }
    }

    /** The build stage's extract command, on the packaged jar, into {@code destination}. */
    private static List<String> extractCommand(String dockerfile, Path destination) {
        Matcher extract = Pattern.compile("java (-Djarmode=tools) -jar (\\S+) extract (.*) --destination (\\S+)")
                .matcher(dockerfile);
        assertThat(extract.find()).as("the Dockerfile extracts the layered jar").isTrue();
        List<String> command = new ArrayList<>(List.of(
                ServiceProcess.java(),
                extract.group(1),
                "-jar",
                ServiceProcess.jar().toString(),
                "extract"));
        command.addAll(List.of(extract.group(3).trim().split("\\s+")));
        command.addAll(List.of("--destination", destination.toString()));
        return command;
    }

    /** The layers the runtime stage copies, in order. */
    private static List<String> copiedLayers(String dockerfile) {
        Matcher copy = Pattern.compile("COPY --from=build /build/extracted/([\\w-]+)/ \\./")
                .matcher(dockerfile);
        List<String> layers = new ArrayList<>();
        while (copy.find()) {
            layers.add(copy.group(1));
        }
        return layers;
    }

    private static List<String> entrypoint(String dockerfile) {
        Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT (\\[.*])$").matcher(dockerfile);
        assertThat(entrypoint.find()).isTrue();
        return List.of(JsonMapper.builder().build().readValue(entrypoint.group(1), String[].class));
    }

    /** ENV NAME=value pairs of the runtime stage (values may be quoted, lines continued). */
    private static Map<String, String> envDefaults(String dockerfile) {
        Matcher env = Pattern.compile("(?m)^ENV ((?:.*\\\\\\n)*.*)$").matcher(dockerfile);
        assertThat(env.find()).isTrue();
        Map<String, String> values = new java.util.LinkedHashMap<>();
        Matcher pair = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S*)").matcher(env.group(1));
        while (pair.find()) {
            values.put(pair.group(1), pair.group(2).replace("\"", ""));
        }
        assertThat(values).containsKeys("PORT", "JAVA_OPTS");
        return values;
    }

    private static String healthcheckPath(String dockerfile) {
        Matcher health = Pattern.compile("localhost:\\$\\{PORT}(/\\S+)\"").matcher(dockerfile);
        assertThat(health.find()).as("the Dockerfile's HEALTHCHECK").isTrue();
        return health.group(1);
    }

    /** As root, the image's USER: nobody, who owns none of the files. */
    private static List<String> unprivileged() {
        return isRoot() ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--") : List.of();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void copyInto(Path layer, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(layer)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(layer.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void run(List<String> command, Path directory) throws Exception {
        Process extract = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(extract.getInputStream().readAllBytes());
        assertThat(extract.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(extract.exitValue()).as(output).isZero();
    }
}
