package com.guitarstudio.lessons.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as plain text in a reason, a name or a parameter: no control characters, no half characters. */
class ControlCharactersTests {

    @ParameterizedTest(name = "{0}")
    @NullSource
    @ValueSource(
            strings = {
                "",
                "Winter break",
                "tab\there",
                "line\nbreak",
                "carriage\rreturn",
                "space ~ and tilde",
                "🎸 guitar",
                "ends with 🎸",
                "é and ☃",
                "\u0080 is a C1 control that PostgreSQL stores"
            })
    void plainTextHasNone(String text) {
        assertThat(ControlCharacters.in(text)).isFalse();
    }

    @ParameterizedTest(name = "{index}")
    @ValueSource(
            strings = {
                "nul\u0000",
                "\u0001start",
                "bell\u0007",
                "unit separator\u001f",
                "delete\u007f",
                "escape\u001b[0m",
                "lone high \uD83C",
                "lone high at the end \uD83C",
                "\uDF78 lone low first",
                "two highs \uD83C\uD83C",
                "🎸 then \uDF78 lone low"
            })
    void anythingElseHasSome(String text) {
        assertThat(ControlCharacters.in(text)).isTrue();
    }
}
