package com.guitarstudio.lessons;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;

/**
 * The service reads the time only through its {@link Clock} bean ({@code config.ClockConfiguration}),
 * which the tests replace: so the suite's verdict does not depend on the date it runs on, and a
 * test can put a run on any day. A call to the machine's clock anywhere else fails here.
 */
class WallClockTests {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.guitarstudio.lessons");

    @Test
    void theServiceReadsTheTimeOnlyThroughItsClockBean() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("com.guitarstudio.lessons.config.ClockConfiguration")
                .should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(LocalTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .orShould()
                .callMethod(OffsetDateTime.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(Clock.class, "systemUTC")
                .orShould()
                .callMethod(Clock.class, "systemDefaultZone")
                .orShould()
                .callConstructor(Date.class)
                .because("the tests set the time through the Clock bean; the machine's clock would make"
                        + " the service's behaviour depend on the day the tests run")
                .check(SERVICE);
    }
}
