package com.guitarstudio.lessons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole numbers and ids in query parameters: the default when absent, a 400 that says what to send otherwise. */
class QueryParametersTests {

    @ParameterizedTest(name = "''{0}''")
    @NullSource
    @ValueSource(strings = {"", "  "})
    void anAbsentNumberIsTheDefault(String value) {
        assertThat(QueryParameters.wholeNumber("size", value, 1, 500, 20)).isEqualTo(20);
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1       | 1
            500     | 500
            ' 42 '  | 42
            +7      | 7
            """)
    void aNumberOfTheRangeIsRead(String value, long number) {
        assertThat(QueryParameters.wholeNumber("size", value, 1, 500, 20)).isEqualTo(number);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"0", "501", "-1", "2.5", "1e3", "ten", "9223372036854775808"})
    void anythingElseIsRefusedWithTheRange(String value) {
        assertThatThrownBy(() -> QueryParameters.wholeNumber("size", value, 1, 500, 20))
                .isInstanceOfSatisfying(InvalidRequest.class, refused -> {
                    assertThat(refused.parameter()).isEqualTo("size");
                    assertThat(refused.getMessage())
                            .isEqualTo(
                                    "Query parameter 'size' must be a whole number from 1 to 500, not '" + value + "'");
                });
    }

    @Test
    void aRangeWithoutAnUpperBoundSaysSo() {
        assertThat(QueryParameters.wholeNumber("after", String.valueOf(Long.MAX_VALUE), 0, Long.MAX_VALUE, 0))
                .isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> QueryParameters.wholeNumber("after", "-1", 0, Long.MAX_VALUE, 0))
                .hasMessage("Query parameter 'after' must be a whole number from 0 on, not '-1'");
    }

    @Test
    void anIdIsReadInItsCanonicalFormInEitherCase() {
        UUID id = UUID.fromString("3f2c1d9e-8a4b-4c6d-9e0f-1a2b3c4d5e6f");

        assertThat(QueryParameters.id("teacherId", " 3f2c1d9e-8a4b-4c6d-9e0f-1a2b3c4d5e6f "))
                .isEqualTo(id);
        assertThat(QueryParameters.id("teacherId", "3F2C1D9E-8A4B-4C6D-9E0F-1A2B3C4D5E6F"))
                .isEqualTo(id);
        assertThat(QueryParameters.id("teacherId", null)).isNull();
        assertThat(QueryParameters.id("teacherId", " ")).isNull();
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(
            strings = {"1-2-3-4-5", "3f2c1d9e8a4b4c6d9e0f1a2b3c4d5e6f", "3f2c1d9e-8a4b-4c6d-9e0f-1a2b3c4d5e6", "teacher"
            })
    void anythingElseIsNoId(String value) {
        assertThatThrownBy(() -> QueryParameters.id("teacherId", value))
                .isInstanceOfSatisfying(InvalidRequest.class, refused -> {
                    assertThat(refused.parameter()).isEqualTo("teacherId");
                    assertThat(refused.getMessage())
                            .isEqualTo(
                                    "Query parameter 'teacherId' must be an id like 3f2c1d9e-8a4b-4c6d-9e0f-1a2b3c4d5e6f, not '"
                                            + value + "'");
                });
    }

    @Test
    void aRefusedValueIsQuotedShortAndWithoutControlCharacters() {
        String long41 = "a".repeat(41);

        assertThat(InvalidRequest.shown("a".repeat(40))).isEqualTo("a".repeat(40));
        assertThat(InvalidRequest.shown(long41)).isEqualTo("a".repeat(40) + "…");
        assertThat(InvalidRequest.shown("a\u0000b\nc\u007f☃")).isEqualTo("a?b?c?☃");
        assertThat(new InvalidRequest("no parameter").parameter()).isNull();
    }
}
