package com.guitarstudio.lessons.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.guitarstudio.lessons.config.InvalidEnvironment;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A notice period outside PT0S..P14D stops the start with a message that names the variable. */
class LessonPropertiesTests {

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT24H", "P14D"})
    void acceptsNoticePeriodsFromNoneToTwoWeeks(String notice) {
        assertThat(new LessonProperties(12, true, Duration.parse(notice)).reconcileNotice())
                .isEqualTo(Duration.parse(notice));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT-1S", "P14DT1S", "P30D"})
    void refusesNoticePeriodsOutsideThatRange(String notice) {
        assertThatThrownBy(() -> new LessonProperties(12, true, Duration.parse(notice)))
                .isInstanceOf(InvalidEnvironment.class)
                .hasMessageStartingWith("GENERATION_RECONCILE_NOTICE must lie between PT0S and P14D")
                .hasMessageEndingWith("not " + Duration.parse(notice));
    }
}
