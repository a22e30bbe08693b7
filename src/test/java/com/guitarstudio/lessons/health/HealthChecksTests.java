package com.guitarstudio.lessons.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Each data problem the health checks look for, seeded on its own, shows up with the right count in the
 * report, the admin API and the admin page, and fixing the data clears it.
 */
@IntegrationTest
class HealthChecksTests {

    private static final Pattern PAGE_ISSUE =
            Pattern.compile("data-check=\"([a-z-]+)\">\\s*<span class=\"issue-count\">(\\d+)</span>");

    @LocalServerPort
    int port;

    @Autowired
    HealthReports reports;

    @Autowired
    LessonGenerationService generation;

    @Autowired
    StudioFixtures studio;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    TestHttp http;
    String admin;

    @BeforeEach
    void healthyStudio() {
        studio.empty();
        clock.set(IntegrationTestConfiguration.START);
        studio.signInUsers();
        http = new TestHttp(port);
        admin = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        studio.teacherWithOneSlot("Healthy Teacher", "Europe/London", DayOfWeek.MONDAY, LocalTime.of(10, 0));
        generation.run(JobTrigger.MANUAL, null);
    }

    @Test
    void aHealthyStudioHasNoIssues() {
        assertThat(reports.current().issues()).isEmpty();
        assertThat(apiIssues()).isEmpty();
        assertThat(pageIssues()).isEmpty();
        assertThat(page()).contains("No problems found");
    }

    @Test
    void teachersWithActiveSlotsButNoSettings() {
        UUID a = teacherOf(studio.teacherWithOneSlot("No Settings A", "UTC", DayOfWeek.MONDAY, LocalTime.NOON));
        UUID b = teacherOf(studio.teacherWithOneSlot("No Settings B", "UTC", DayOfWeek.MONDAY, LocalTime.NOON));
        studio.update("delete from teacher_lesson_settings where teacher_id in (?, ?)", a, b);
        // a teacher without settings but also without active slots is not an issue
        UUID idle = studio.teacher("Idle", "UTC");
        studio.update("delete from teacher_lesson_settings where teacher_id = ?", idle);

        assertIssue("teachers-without-settings", 2, "2 teachers with active slots have no lesson settings");

        studio.update(
                "insert into teacher_lesson_settings (teacher_id, price_30_min, price_60_min) values (?, 1, 2), (?, 1, 2)",
                a,
                b);
        assertNoIssue("teachers-without-settings");
    }

    @Test
    void orphanedActiveSlots() {
        UUID inactiveTeacher = studio.teacherWithOneSlot("Gone Teacher", "UTC", DayOfWeek.MONDAY, LocalTime.NOON);
        UUID inactiveStudent = studio.teacherWithOneSlot("Gone Student", "UTC", DayOfWeek.MONDAY, LocalTime.NOON);
        UUID movedStudent = studio.teacherWithOneSlot("Moved Student", "UTC", DayOfWeek.MONDAY, LocalTime.NOON);
        UUID otherTeacher = studio.teacher("Other Teacher", "UTC");
        studio.update("update teacher_profile set is_active = false where id = ?", teacherOf(inactiveTeacher));
        studio.update("update student_profile set is_active = false where id = ?", studentOf(inactiveStudent));
        studio.update("update student_profile set teacher_id = ? where id = ?", otherTeacher, studentOf(movedStudent));

        assertIssue("orphaned-slots", 3, "3 active slots get no lessons");
        assertThat(apiIndicators().get("orphanedSlotsCount").asLong()).isEqualTo(3);

        studio.update(
                "update recurring_slot set status = 'CANCELLED' where id in (?, ?, ?)",
                inactiveTeacher,
                inactiveStudent,
                movedStudent);
        assertNoIssue("orphaned-slots");
    }

    @Test
    void activeSlotsBookedMoreThanSixMonthsAgo() {
        UUID old = studio.teacherWithOneSlot("Old Booking", "UTC", DayOfWeek.MONDAY, LocalTime.NOON);
        UUID recent = studio.teacherWithOneSlot("Recent Booking", "UTC", DayOfWeek.MONDAY, LocalTime.NOON);
        studio.update(
                "update recurring_slot set booked_at = ? where id = ?",
                Timestamp.from(clock.instant().minus(Duration.ofDays(200))),
                old);
        studio.update(
                "update recurring_slot set booked_at = ? where id = ?",
                Timestamp.from(clock.instant().minus(Duration.ofDays(150))),
                recent);

        assertIssue("old-slots", 1, "1 active slot was booked more than 6 months ago");

        studio.update("update recurring_slot set status = 'EXPIRED' where id = ?", old);
        assertNoIssue("old-slots");
    }

    @Test
    void teachersWithUnknownTimeZones() {
        UUID mars = studio.teacherWithOneSlot("Mars", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);
        studio.teacherWithOneSlot("Typo", "America/Chicgo", DayOfWeek.MONDAY, LocalTime.NOON);
        studio.teacherWithOneSlot("Offset", "+05:30", DayOfWeek.MONDAY, LocalTime.NOON);

        assertIssue("unknown-time-zones", 2, "2 teachers with active slots have a time zone that is not a valid");

        studio.update(
                "update teacher_profile set timezone = 'America/Chicago' where timezone in ('Mars/Olympus_Mons', 'America/Chicgo')");
        assertNoIssue("unknown-time-zones");
        generation.run(JobTrigger.MANUAL, null);
        assertThat(jdbc.sql("select count(*) from lesson where recurring_slot_id = ?")
                        .param(mars)
                        .query(Long.class)
                        .single())
                .as("the fixed teacher's slot gets its lessons")
                .isPositive();
    }

    @Test
    void overlappingActiveSlotsOfOneTeacher() {
        UUID teacher = studio.teacher("Busy", "UTC");
        // Monday 17:00-18:00 and 17:30-18:00 overlap; 18:00-18:30 only touches; Tuesday 17:30 is another day
        studio.slot(teacher, studio.student("S1", teacher), DayOfWeek.MONDAY, LocalTime.of(17, 0), 60, 0);
        UUID overlapping =
                studio.slot(teacher, studio.student("S2", teacher), DayOfWeek.MONDAY, LocalTime.of(17, 30), 30, 0);
        studio.slot(teacher, studio.student("S3", teacher), DayOfWeek.MONDAY, LocalTime.of(18, 0), 30, 0);
        studio.slot(teacher, studio.student("S4", teacher), DayOfWeek.TUESDAY, LocalTime.of(17, 30), 30, 0);
        // 23:30 for 60 minutes does not wrap round to overlap 00:00 of the same weekday
        studio.slot(teacher, studio.student("S5", teacher), DayOfWeek.FRIDAY, LocalTime.of(23, 30), 60, 0);
        studio.slot(teacher, studio.student("S6", teacher), DayOfWeek.FRIDAY, LocalTime.of(0, 0), 30, 0);

        assertIssue("overlapping-slots", 1, "1 pair of a teacher's active slots overlaps in time");

        studio.update("update recurring_slot set status = 'SUSPENDED' where id = ?", overlapping);
        assertNoIssue("overlapping-slots");
    }

    @Test
    void slotsMissingTheirLastLessonsShowUntilARunCatchesUp() {
        UUID fresh = studio.teacherWithOneSlot("Fresh", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        // expected to have no lessons yet, or only a few: a term that starts after the window, one
        // that ends in three weeks, every fourth week
        UUID later = studio.teacherWithOneSlot("Later", "UTC", DayOfWeek.MONDAY, LocalTime.NOON);
        studio.term(later, LocalDate.parse("2027-06-01"), null, 1);
        UUID ending = studio.teacherWithOneSlot("Ending", "UTC", DayOfWeek.MONDAY, LocalTime.NOON);
        studio.term(ending, null, LocalDate.parse("2027-03-22"), 1);
        UUID monthly = studio.teacherWithOneSlot("Monthly", "UTC", DayOfWeek.MONDAY, LocalTime.NOON);
        studio.term(monthly, LocalDate.parse("2027-01-04"), null, 4);

        assertIssue("horizon-shortfall", 3, "3 active slots are missing lessons near the end of the planning window");

        generation.run(JobTrigger.MANUAL, null);
        assertNoIssue("horizon-shortfall");

        // the studio app deletes a series' last weeks: short again until the next run
        studio.update("delete from lesson where recurring_slot_id = ? and occurrence_date > '2027-04-30'", fresh);
        assertIssue("horizon-shortfall", 1, "1 active slot is missing lessons");
        generation.run(JobTrigger.MANUAL, null);
        assertNoIssue("horizon-shortfall");
    }

    @Test
    void overlappingUpcomingLessonsOfOneTeacherArePairs() {
        UUID teacher = jdbc.sql("select id from teacher_profile where timezone = 'Europe/London'")
                .query(UUID.class)
                .single();
        UUID other = studio.student("Other", teacher);
        // the generated Monday lessons are 10:00-10:30 London time (GMT in March)
        UUID quarterPast = lesson(teacher, other, "2027-03-08T10:15:00Z", 30, "SCHEDULED");
        // a long lesson over the 10:00 one and a later one that only it overlaps: two pairs
        lesson(teacher, other, "2027-03-15T09:45:00Z", 120, "SCHEDULED");
        lesson(teacher, studio.student("Third", teacher), "2027-03-15T10:40:00Z", 30, "SCHEDULED");
        // cancelled, past, touching (10:30 after 10:00-10:30): none of these count
        lesson(teacher, other, "2027-03-22T10:00:00Z", 30, "CANCELLED");
        lesson(teacher, other, "2027-03-01T09:00:00Z", 60, "SCHEDULED");
        lesson(teacher, studio.student("Fourth", teacher), "2027-03-01T09:30:00Z", 30, "SCHEDULED");
        lesson(teacher, other, "2027-03-29T09:30:00Z", 30, "SCHEDULED");

        assertIssue("double-bookings", 3, "3 pairs of upcoming scheduled lessons of one teacher overlap in time");

        studio.update("update lesson set status = 'CANCELLED' where id = ?", quarterPast);
        assertIssue("double-bookings", 2, "2 pairs");
        studio.update("update lesson set status = 'CANCELLED' where start_at = '2027-03-15T09:45:00Z'");
        assertNoIssue("double-bookings");
    }

    @Test
    void activeSlotsAfterTheirLastDate() {
        // Tuesday 06:00 UTC is still Monday 1 March (18:00) at UTC-12, where the last day ends last
        clock.set(Instant.parse("2027-03-02T06:00:00Z"));
        admin = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        UUID ended = studio.teacherWithOneSlot("Ended", "UTC", DayOfWeek.MONDAY, LocalTime.NOON);
        studio.term(ended, null, LocalDate.parse("2027-02-28"), 1);
        UUID endedInUtcOnly =
                studio.teacherWithOneSlot("Ends today at UTC-12", "UTC", DayOfWeek.MONDAY, LocalTime.NOON);
        studio.term(endedInUtcOnly, null, LocalDate.parse("2027-03-01"), 1);

        assertIssue("slots-past-end", 1, "1 slot is still ACTIVE after its last date");

        studio.update("update recurring_slot set status = 'EXPIRED' where id = ?", ended);
        assertNoIssue("slots-past-end");
    }

    @Test
    void noSuccessForTwoDaysMakesTheJobStale() {
        clock.advance(Duration.ofHours(49));
        admin = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);

        assertIssue("stale-job", 1, "Lesson generation has not succeeded in the last 48 hours");

        generation.run(JobTrigger.SCHEDULE, "schedule");
        assertNoIssue("stale-job");
    }

    @Test
    void aRunStuckInRunningMakesTheJobStale() {
        UUID stuck = studio.jobLogRow("RUNNING", clock.instant().minus(Duration.ofMinutes(16)));
        studio.jobLogRow("RUNNING", clock.instant().minus(Duration.ofMinutes(5)));

        assertIssue("stale-job", 1, "1 run has been RUNNING for longer than 15 minutes");

        studio.update("update job_log set status = 'ABANDONED' where id = ?", stuck);
        assertNoIssue("stale-job");
    }

    @Test
    void lessonsOfASlotChangedSinceTheLastRunShowUntilARunBringsThemInLine() {
        UUID slot =
                studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        generation.run(JobTrigger.MANUAL, null);
        assertNoIssue("slot-drift");
        // ends after three weeks, at a new time: 3 lessons move, 9 are cancelled
        studio.update("update recurring_slot set ends_on = '2027-03-21', start_time = '18:00' where id = ?", slot);

        assertIssue("slot-drift", 12, "12 upcoming lessons no longer match their slot");

        generation.run(JobTrigger.MANUAL, null);
        assertNoIssue("slot-drift");
    }

    @Test
    void theSlotsFoundChangedAreKeptUntilATransactionWritesSlotsTeachersOrStudents() {
        UUID slot =
                studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        generation.run(JobTrigger.MANUAL, null);
        assertNoIssue("slot-drift");
        try {
            jdbc.sql("alter table recurring_slot disable trigger recurring_slot_changed")
                    .update();
            studio.update("update recurring_slot set start_time = '18:00' where id = ?", slot);
            assertNoIssue("slot-drift"); // a write nobody noted: what was found is kept
        } finally {
            jdbc.sql("alter table recurring_slot enable trigger recurring_slot_changed")
                    .update();
        }
        studio.update("update teacher_profile set is_admin = false where id = ?", teacherOf(slot));

        assertIssue("slot-drift", 12, "12 upcoming lessons no longer match their slot");
    }

    @Test
    void lessonsLeftAsTheyWereByTheNoticePeriodAreNamedUntilTheyStart() {
        UUID slot =
                studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        generation.run(JobTrigger.MANUAL, null);
        clock.set(Instant.parse("2027-03-02T06:00:00Z")); // the first lesson is 17.5 hours away
        admin = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD); // the first token has expired
        studio.update("update recurring_slot set start_time = '19:00' where id = ?", slot);
        generation.run(JobTrigger.MANUAL, null);

        assertIssue("slot-drift", 1, "1 lesson starting within 24 hours still has the old terms of its slot");
        assertThat(reports.current().issues())
                .filteredOn(issue -> issue.check().equals("slot-drift"))
                .singleElement()
                .satisfies(issue -> assertThat(issue.message())
                        .contains("Maria Lopez with Maria Lopez's student, Tue 2 Mar 17:30 Chicago time)"));

        clock.set(Instant.parse("2027-03-02T23:31:00Z")); // it has begun
        assertNoIssue("slot-drift");
    }

    private void assertIssue(String check, long count, String messageStart) {
        HealthIssue issue = reports.current().issues().stream()
                .filter(i -> i.check().equals(check))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no " + check + " issue in " + reports.current().issues()));
        assertThat(issue.count()).isEqualTo(count);
        assertThat(issue.message()).startsWith(messageStart);
        assertThat(issue.suggestion()).isNotBlank();
        assertThat(apiIssues()).anySatisfy(message -> assertThat(message).startsWith(messageStart));
        assertThat(pageIssues()).containsEntry(check, count);
    }

    private void assertNoIssue(String check) {
        assertThat(reports.current().issues()).noneMatch(issue -> issue.check().equals(check));
        assertThat(pageIssues()).doesNotContainKey(check);
    }

    private List<String> apiIssues() {
        JsonNode issues = health().get("issues");
        return issues.valueStream().map(JsonNode::asString).toList();
    }

    private JsonNode apiIndicators() {
        return health().get("indicators");
    }

    private JsonNode health() {
        return TestHttp.json(http.get("/api/admin/background-jobs/history", "Authorization", admin))
                .get("data")
                .get("systemHealth");
    }

    private String page() {
        String token = admin.substring("Bearer ".length());
        return http.get("/admin/background-jobs", "Cookie", "lessons_token=" + token)
                .body();
    }

    private Map<String, Long> pageIssues() {
        Map<String, Long> issues = new LinkedHashMap<>();
        Matcher matcher = PAGE_ISSUE.matcher(page());
        while (matcher.find()) {
            issues.merge(matcher.group(1), Long.parseLong(matcher.group(2)), Long::sum);
        }
        return issues;
    }

    private UUID lesson(UUID teacher, UUID student, String startAt, int minutes, String status) {
        return jdbc.sql("""
                        insert into lesson (teacher_id, student_id, start_at, duration_minutes, timezone, status)
                        values (?, ?, ?, ?, 'Europe/London', ?) returning id
                        """)
                .params(teacher, student, Timestamp.from(Instant.parse(startAt)), minutes, status)
                .query(UUID.class)
                .single();
    }

    private UUID teacherOf(UUID slot) {
        return jdbc.sql("select teacher_id from recurring_slot where id = ?")
                .param(slot)
                .query(UUID.class)
                .single();
    }

    private UUID studentOf(UUID slot) {
        return jdbc.sql("select student_id from recurring_slot where id = ?")
                .param(slot)
                .query(UUID.class)
                .single();
    }
}
