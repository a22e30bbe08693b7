package com.guitarstudio.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
                        "admin", "config", "cron", "generation", "health", "joblog", "security", "studio", "web");
    }

    @Test
    void writesTheModuleDocumentationIntoDocs() throws IOException {
        Path folder = Path.of("docs", "modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .contains("components.puml", "module-health.puml", "module-generation.adoc");
        }
    }
}
