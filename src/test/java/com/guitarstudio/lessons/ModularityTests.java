package com.guitarstudio.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The packages under {@code com.guitarstudio.lessons} are modules: each uses only the public types
 * of the others' base packages, no two depend on each other in a cycle, and each depends only on
 * the modules its {@code package-info.java} allows ({@code @ApplicationModule(allowedDependencies)}:
 * health on no feature, say). The module diagrams and canvases in docs/modules are written from
 * the same model on every run.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(LessonServiceApplication.class);

    @Test
    void everyModuleKeepsToItsAllowedDependenciesWithoutCycles() {
        MODULES.verify();
    }

    @Test
    void theModulesAreTheFeaturesOfTheDesign() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrder(
                        "admin",
                        "alerts",
                        "calendar",
                        "config",
                        "cron",
                        "events",
                        "feeds",
                        "generation",
                        "health",
                        "joblog",
                        "lessons",
                        "openapi",
                        "security",
                        "studio",
                        "web");
    }

    @Test
    void writesTheModuleDocumentationIntoDocs() throws IOException {
        Path folder = Path.of("docs", "modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();

        List<Path> diagrams;
        try (Stream<Path> files = Files.list(folder)) {
            diagrams = files.filter(file -> file.toString().endsWith(".puml")).toList();
        }
        for (Path diagram : diagrams) {
            sortRelations(diagram);
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .contains("components.puml", "module-health.puml", "module-generation.adoc");
        }
    }

    /**
     * Every insert, update and delete of {@code lesson} rows is in the lessons module's SQL, so each
     * rule about lessons (and each event about them) has one place. Other modules read lessons only.
     */
    @Test
    void onlyTheLessonsModuleWritesLessonRows() throws IOException {
        Pattern writesLessons = Pattern.compile("(?i)\\b(insert\\s+into|update|delete\\s+from)\\s+lesson\\b");
        Path sources = Path.of("src", "main", "java", "com", "guitarstudio", "lessons");
        Set<String> writers = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (writesLessons.matcher(Files.readString(file)).find()) {
                    writers.add(sources.relativize(file).getName(0).toString());
                }
            }
        }
        assertThat(writers).containsExactly("lessons");
    }

    /**
     * The diagrams list the dependencies in the order the classes were scanned, which differs
     * between a whole test run and this test alone; sorted, the committed files change only when
     * the modules do.
     */
    private static void sortRelations(Path diagram) throws IOException {
        List<String> lines = Files.readAllLines(diagram);
        List<String> relations =
                lines.stream().filter(line -> line.startsWith("Rel(")).sorted().toList();
        List<String> sorted = new ArrayList<>();
        int next = 0;
        for (String line : lines) {
            sorted.add(line.startsWith("Rel(") ? relations.get(next++) : line);
        }
        Files.write(diagram, sorted);
    }
}
