package com.guitarstudio.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.health.HealthIssue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.MessageSourceAccessor;

/** Product text counts properly: "1 lesson", "2 lessons", never "lesson(s)". */
class MessagesTests {

    private final MessageSourceAccessor messages = Messages.source();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0    | No new lessons were needed for 0 teachers (checked in 1.2 s)
            1    | Generated 1 lesson for 1 teacher in 1.2 s
            2    | Generated 2 lessons for 2 teachers in 1.2 s
            1234 | Generated 1,234 lessons for 1,234 teachers in 1.2 s
            """)
    void aRunsResultCountsLessonsAndTeachers(long count, String expected) {
        assertThat(message("outcome.generated", count, count, "1.2 s", 0, 0)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} updated, {1} cancelled -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1  | 0 | No new lessons were needed for 1 teacher (checked in 1.2 s); 1 lesson followed its slot
            12 | 0 | No new lessons were needed for 1 teacher (checked in 1.2 s); 12 lessons followed their slot
            0  | 1 | No new lessons were needed for 1 teacher (checked in 1.2 s); 1 lesson was cancelled because its slot changed
            3  | 9 | No new lessons were needed for 1 teacher (checked in 1.2 s); 3 lessons followed their slot; 9 lessons were cancelled because their slot changed
            """)
    void aRunsResultSaysHowManyLessonsFollowedTheirSlot(long updated, long cancelled, String expected) {
        assertThat(message("outcome.generated", 0, 1, "1.2 s", updated, cancelled))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1 | 1 active slot gets no lessons: its teacher or student is inactive
            3 | 3 active slots get no lessons: their teacher or student is inactive
            """)
    void healthIssuesAgreeWithTheirCount(long count, String expected) {
        assertThat(HealthIssue.of("orphaned-slots", count, messages).message()).startsWith(expected);
    }

    @Test
    void everyCountedHealthIssueReadsWellInTheSingularAndThePlural() {
        assertThat(HealthIssue.of("teachers-without-settings", 1, messages).message())
                .isEqualTo("1 teacher with active slots has no lesson settings");
        assertThat(HealthIssue.of("teachers-without-settings", 2, messages).message())
                .isEqualTo("2 teachers with active slots have no lesson settings");
        assertThat(HealthIssue.of("old-slots", 1, messages).message())
                .startsWith("1 active slot was booked more than 6 months ago");
        assertThat(HealthIssue.of("old-slots", 2, messages).message())
                .startsWith("2 active slots were booked more than 6 months ago");
        assertThat(HealthIssue.of("overlapping-slots", 1, messages).message())
                .isEqualTo("1 pair of a teacher's active slots overlaps in time");
        assertThat(HealthIssue.of("overlapping-slots", 2, messages).message())
                .isEqualTo("2 pairs of a teacher's active slots overlap in time");
        assertThat(HealthIssue.of("unknown-time-zones", 1, messages).message())
                .isEqualTo(
                        "1 teacher with active slots has a time zone that is not a valid IANA zone id and gets no lessons");
        assertThat(HealthIssue.worded("stale-job", "health.stale-job.stuck", 1, messages, 1L)
                        .message())
                .isEqualTo("1 run has been RUNNING for longer than 1 minute");
        assertThat(HealthIssue.worded("stale-job", "health.stale-job.stuck", 2, messages, 15L)
                        .message())
                .isEqualTo("2 runs have been RUNNING for longer than 15 minutes");
    }

    @Test
    void apostrophesAndQuotesSurviveTheMessageFormat() {
        assertThat(HealthIssue.of("cron-secret", 1, messages).suggestion())
                .contains("'Authorization: Bearer <secret>'");
        assertThat(HealthIssue.of("teachers-without-settings", 1, messages).suggestion())
                .startsWith("Open each teacher's lesson settings");
    }

    @Test
    void theLockoutSaysMinutesProperly() {
        assertThat(message("login.locked", 1)).endsWith("Try again in 1 minute.");
        assertThat(message("login.locked", 15)).endsWith("Try again in 15 minutes.");
    }

    @Test
    void noMessageHedgesItsPluralAndEveryOneIsAValidMessageFormat() throws IOException {
        Properties all = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
            all.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(all).isNotEmpty();
        all.forEach((key, text) -> {
            assertThat((String) text).as(key.toString()).doesNotContain("(s)");
            // throws for an unbalanced brace or a malformed choice
            new MessageFormat((String) text, Locale.ENGLISH);
        });
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments);
    }
}
