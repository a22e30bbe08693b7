package com.guitarstudio.lessons.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 5545, 3.1: content lines of at most 75 octets, longer ones folded, no character split. */
class ContentLinesTests {

    @Test
    void aLineOf75OctetsStaysWholeAndOneOf76IsFolded() {
        String line75 = "SUMMARY:" + "x".repeat(67);
        assertThat(ContentLines.fold(line75 + "\r\n")).isEqualTo(line75 + "\r\n");
        assertThat(ContentLines.fold(line75 + "y\r\n")).isEqualTo(line75 + "\r\n y\r\n");
    }

    @Test
    void aContinuationCarries74OctetsAfterItsSpace() {
        String folded = ContentLines.fold("D:" + "z".repeat(73 + 74 + 5) + "\r\n");

        assertThat(folded.split("\r\n")).extracting(String::length).containsExactly(75, 75, 6);
        assertThat(folded.replace("\r\n ", "")).isEqualTo("D:" + "z".repeat(73 + 74 + 5) + "\r\n");
    }

    @Test
    void aCharacterOfSeveralOctetsIsNeverSplitAcrossLines() {
        // 74 octets, then "é" (2 octets) would make 76: it goes on the next line whole
        String text = "S:" + "a".repeat(72) + "é" + "🎸".repeat(20);
        String folded = ContentLines.fold(text + "\r\n");

        for (String line : folded.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(folded.split("\r\n")[0]).isEqualTo("S:" + "a".repeat(72));
        assertThat(folded.split("\r\n")[1]).startsWith(" é🎸");
        assertThat(folded.split("\r\n")[1].getBytes(StandardCharsets.UTF_8).length)
                .isEqualTo(1 + 2 + 18 * 4); // a space, é, 18 guitars: 75; the 19th would be 79
        assertThat(folded.replace("\r\n ", "")).isEqualTo(text + "\r\n");
    }

    @Test
    void eachCharacterCountsItsOctetsInUtf8AtEveryBoundary() {
        String octets74 = "S:" + "a".repeat(72);
        assertThat(lines(octets74 + "\u007f")).as("U+007F: 1 octet").containsExactly(octets74 + "\u007f");
        assertThat(lines(octets74 + "\u0080")).as("U+0080: 2 octets").containsExactly(octets74, " \u0080");
        String octets73 = "S:" + "a".repeat(71);
        assertThat(lines(octets73 + "\u07ff")).as("U+07FF: 2 octets").containsExactly(octets73 + "\u07ff");
        assertThat(lines(octets73 + "\u0800")).as("U+0800: 3 octets").containsExactly(octets73, " \u0800");
        String octets72 = "S:" + "a".repeat(70);
        assertThat(lines(octets72 + "\uffff")).as("U+FFFF: 3 octets").containsExactly(octets72 + "\uffff");
        assertThat(lines(octets72 + "\ud800\udc00")).as("U+10000: 4 octets").containsExactly(octets72, " \ud800\udc00");
    }

    private static String[] lines(String line) {
        return ContentLines.fold(line + "\r\n").split("\r\n");
    }

    @Test
    void everyLineEndsWithCrLfAndNoneIsEmpty() {
        assertThat(ContentLines.fold("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\r\nEND:VCALENDAR\r\n"))
                .isEqualTo("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");
    }
}
