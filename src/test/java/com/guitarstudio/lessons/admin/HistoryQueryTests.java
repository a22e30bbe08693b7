package com.guitarstudio.lessons.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import com.guitarstudio.lessons.joblog.RunFilter;
import com.guitarstudio.lessons.web.InvalidRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The history's filters: read as sent, refused with the parameter named, repeated in the page's links. */
class HistoryQueryTests {

    @Test
    void blankFiltersMeanAny() {
        HistoryQuery query = HistoryQuery.parse(null, " ", "", null);

        assertThat(query).isEqualTo(HistoryQuery.ALL);
        assertThat(query.isFiltered()).isFalse();
        assertThat(query.pageLink("/admin/background-jobs", 1)).isEqualTo("/admin/background-jobs");
        assertThat(query.filter(ZoneId.of("UTC"))).isEqualTo(new RunFilter(null, null, null, null));
    }

    @Test
    void everyFilterIsReadAndRepeatedInTheLinksInOneOrder() {
        HistoryQuery query = HistoryQuery.parse(" PARTIAL ", "CRON", "2027-03-01", "2027-03-01");

        assertThat(query)
                .isEqualTo(new HistoryQuery(
                        JobStatus.PARTIAL,
                        JobTrigger.CRON,
                        LocalDate.parse("2027-03-01"),
                        LocalDate.parse("2027-03-01")));
        assertThat(query.isFiltered()).isTrue();
        assertThat(query.pageLink("/admin/background-jobs", 1))
                .isEqualTo("/admin/background-jobs?status=PARTIAL&trigger=CRON&from=2027-03-01&to=2027-03-01");
        assertThat(query.pageLink("/admin/background-jobs", 2))
                .isEqualTo("/admin/background-jobs?status=PARTIAL&trigger=CRON&from=2027-03-01&to=2027-03-01&page=2");
        assertThat(HistoryQuery.parse(null, "MANUAL", null, null).pageLink("/h", 3))
                .isEqualTo("/h?trigger=MANUAL&page=3");
        assertThat(HistoryQuery.parse(null, null, null, null).pageLink("/h", 2)).isEqualTo("/h?page=2");
    }

    @Test
    void theDaysAreTheZonesDaysFromTheFirstMidnightToTheMidnightAfterTheLastDay() {
        HistoryQuery query = HistoryQuery.parse(null, null, "2027-03-14", "2027-03-14");

        // Chicago's 14 March 2027 has 23 hours: clocks go forward at 02:00
        assertThat(query.filter(ZoneId.of("America/Chicago")))
                .isEqualTo(new RunFilter(
                        null, null, Instant.parse("2027-03-14T06:00:00Z"), Instant.parse("2027-03-15T05:00:00Z")));
        assertThat(HistoryQuery.parse(null, null, "2027-03-14", null).filter(ZoneId.of("Asia/Tokyo")))
                .isEqualTo(new RunFilter(null, null, Instant.parse("2027-03-13T15:00:00Z"), null));
        assertThat(HistoryQuery.parse(null, null, null, "2027-03-14").filter(ZoneId.of("UTC")))
                .isEqualTo(new RunFilter(null, null, null, Instant.parse("2027-03-15T00:00:00Z")));
    }

    @Test
    void aNameInTheWrongCaseOrUnknownIsRefusedWithTheNamesToUse() {
        assertRefused(
                () -> HistoryQuery.parse("partial", null, null, null),
                "status",
                "Query parameter 'status' must be one of RUNNING, SUCCESS, PARTIAL, FAILED, SKIPPED, ABANDONED (in capitals), not 'partial'");
        assertRefused(
                () -> HistoryQuery.parse(null, "WEBHOOK", null, null),
                "trigger",
                "Query parameter 'trigger' must be one of " + names(JobTrigger.values())
                        + " (in capitals), not 'WEBHOOK'");
    }

    @Test
    void aDateOutsideTheRangeOrBackwardsIsRefused() {
        assertRefused(
                () -> HistoryQuery.parse(null, null, "2027-02-30", null),
                "from",
                "Query parameter 'from' must be a date from 0001-01-01 to 9999-12-31, like 2026-11-28, not '2027-02-30'");
        assertRefused(
                () -> HistoryQuery.parse(null, null, null, "+294277-01-01"),
                "to",
                "Query parameter 'to' must be a date from 0001-01-01 to 9999-12-31, like 2026-11-28, not '+294277-01-01'");
        assertRefused(
                () -> HistoryQuery.parse(null, null, "2027-03-02", "2027-03-01"),
                "to",
                "Query parameter 'to' (2027-03-01) must not come before 'from' (2027-03-02)");
    }

    @Test
    void pagesCountFromTheirFirstNumberAndSizesFromOne() {
        assertThat(HistoryQuery.page(null, 1, 1000)).isZero();
        assertThat(HistoryQuery.page("1", 1, 1000)).isZero();
        assertThat(HistoryQuery.page("3", 1, 1000)).isEqualTo(2);
        assertThat(HistoryQuery.page("0", 0, 1000)).isZero();
        assertThat(HistoryQuery.page("1000", 0, 1000)).isEqualTo(1000);
        assertRefused(
                () -> HistoryQuery.page("0", 1, 1000),
                "page",
                "Query parameter 'page' must be a whole number from 1 to 1000, not '0'");
        assertThat(HistoryQuery.size("size", null, 20, 100)).isEqualTo(20);
        assertThat(HistoryQuery.size("size", "100", 20, 100)).isEqualTo(100);
        assertRefused(
                () -> HistoryQuery.size("size", "101", 20, 100),
                "size",
                "Query parameter 'size' must be a whole number from 1 to 100, not '101'");
    }

    private static String names(Enum<?>[] values) {
        return String.join(", ", java.util.Arrays.stream(values).map(Enum::name).toList());
    }

    private static void assertRefused(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String parameter, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequest.class, refused -> {
            assertThat(refused.parameter()).isEqualTo(parameter);
            assertThat(refused.getMessage()).isEqualTo(message);
        });
    }
}
