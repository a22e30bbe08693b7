package com.guitarstudio.lessons.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The dates a client may send, and those it may not, whatever Java itself would read. */
class DatesTests {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2027-03-14     | 2027-03-14
            '  2027-03-14 '| 2027-03-14
            0001-01-01     | 0001-01-01
            9999-12-31     | 9999-12-31
            2028-02-29     | 2028-02-29
            """)
    void aDateOfTheRangeIsRead(String text, LocalDate date) {
        assertThat(Dates.parse(text)).hasValue(date);
    }

    @ParameterizedTest(name = "''{0}''")
    @NullSource
    @ValueSource(
            strings = {
                "",
                "   ",
                "0000-12-31",
                "+294277-01-01",
                "-4714-01-01",
                "-999999999-01-01",
                "10000-01-01",
                "2027-02-30",
                "2027-02-29",
                "2027-13-01",
                "2027-3-14",
                "27-03-14",
                "2027/03/14",
                "2027-03-14T00:00",
                "x2027-03-14",
                "2027-03-14x",
                "１２３４-01-01"
            })
    void anythingElseIsNoDate(String text) {
        assertThat(Dates.parse(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theRangeIsSaidInTheWordsOfEveryMessage() {
        assertThat(Dates.RANGE).isEqualTo("from 0001-01-01 to 9999-12-31");
        assertThat(Dates.FIRST).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(Dates.LAST).isEqualTo(LocalDate.of(9999, 12, 31));
    }
}
