package com.guitarstudio.lessons.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobTrigger;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code /admin/lessons} over real HTTP: a teacher's or a student's week in the teacher's own time,
 * each lesson's status in words (closed and why, cancelled by a slot change, changed by a person),
 * and the lessons a closure holds.
 */
@IntegrationTest
class LessonsPageTests {

    @LocalServerPort
    int port;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LessonGenerationService generation;

    TestHttp http;
    String cookie;
    UUID aiko;
    UUID ben;
    UUID bensSlot;
    UUID festival;

    /**
     * Aiko teaches in Tokyo: Ben on Tuesdays at 08:00 (Monday 23:00 UTC, so the week's first lesson
     * is on Monday in UTC but Tuesday in Aiko's time), Cleo on Wednesdays at 19:00. Aiko is away on
     * Wednesday 3 March; Ben's slot ends on Sunday 14 March; a person moved Ben's lesson of 9 March.
     */
    @BeforeEach
    void aTeacherInTokyoWithTwoStudents() {
        studio.empty();
        clock.set(IntegrationTestConfiguration.START);
        studio.signInUsers();
        http = new TestHttp(port);
        String bearer = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        cookie = "lessons_token=" + bearer.substring(7);
        aiko = studio.teacher("Aiko Tanaka", "Asia/Tokyo");
        ben = studio.student("Ben Okafor", aiko);
        bensSlot = studio.slot(aiko, ben, DayOfWeek.TUESDAY, LocalTime.of(8, 0), 30, 2500);
        studio.slot(aiko, studio.student("Cleo Park", aiko), DayOfWeek.WEDNESDAY, LocalTime.of(19, 0), 60, 5000);
        generation.run(JobTrigger.MANUAL, null);
        HttpResponse<String> created =
                http.postJson("/api/admin/closures", """
                {"teacherId":"%s","kind":"TEACHER_ABSENT","startsOn":"2027-03-03","endsOn":"2027-03-03",
                 "reason":"Aiko plays a festival"}""".formatted(aiko), "Authorization", bearer);
        assertThat(created.statusCode()).isEqualTo(201);
        festival = UUID.fromString(TestHttp.json(created).get("data").get("id").asString());
        studio.update(
                "update lesson set price = 4000 where recurring_slot_id = ? and start_at = '2027-03-08T23:00:00Z'",
                bensSlot);
        studio.term(bensSlot, null, LocalDate.parse("2027-03-14"), 1);
        generation.run(JobTrigger.MANUAL, null);
    }

    @Test
    void aTeachersWeekIsInTheTeachersOwnTimeWithEachLessonsStatusInWords() {
        String week = page("/admin/lessons?teacher=" + aiko + "&week=2027-03-04");

        assertThat(week)
                .contains("Lessons of Aiko Tanaka")
                .contains("Mon 1 Mar 2027 to Sun 7 Mar 2027, in Tokyo time")
                .contains(">Tue 2 Mar 2027, 08:00<", ">Ben Okafor<", ">30 min<", ">25.00<", ">Scheduled<")
                .contains(">Wed 3 Mar 2027, 19:00<", ">Cleo Park<", ">60 min<", ">50.00<")
                .contains(">Closed: Aiko plays a festival<")
                .contains("href=\"/admin/lessons?teacher=" + aiko + "&amp;week=2027-02-22\"")
                .contains("href=\"/admin/lessons?teacher=" + aiko + "&amp;week=2027-03-08\"")
                .doesNotContain("UTC<");
        assertThat(week.split("data-lesson-id=")).hasSize(3);
    }

    @Test
    void aLessonAPersonChangedAndOneCancelledBecauseItsSlotEndedSayWhy() {
        assertThat(page("/admin/lessons?teacher=" + aiko + "&week=2027-03-09"))
                .contains(">Tue 9 Mar 2027, 08:00<", ">40.00<")
                .contains(">Scheduled (changed in the studio app, so left as it is)<");
        assertThat(page("/admin/lessons?teacher=" + aiko + "&week=2027-03-16"))
                .contains(">Tue 16 Mar 2027, 08:00<", ">Cancelled: its slot no longer meets that day<")
                .contains(">Wed 17 Mar 2027, 19:00<", ">Scheduled<");
    }

    @Test
    void aStudentsWeekNamesTheTeacher() {
        String week = page("/admin/lessons?student=" + ben + "&week=2027-03-02");

        assertThat(week)
                .contains("Lessons of Ben Okafor", "in Tokyo time", ">Aiko Tanaka<", ">Tue 2 Mar 2027, 08:00<")
                .doesNotContain("Cleo Park<");
        assertThat(week.split("data-lesson-id=")).hasSize(2);
    }

    @Test
    void aClosuresCountLinksToTheLessonsItHolds() {
        assertThat(page("/admin/closures")).contains("href=\"/admin/lessons?closure=" + festival + "\"");

        String held = page("/admin/lessons?closure=" + festival);

        assertThat(held)
                .contains("Lessons closed by “Aiko plays a festival”", "Wed 3 Mar 2027 · Aiko Tanaka")
                .contains(">When (Tokyo time)<", ">Wed 3 Mar 2027, 19:00<", ">Cleo Park<")
                .contains(">Closed: Aiko plays a festival<");
        assertThat(held.split("data-lesson-id=")).hasSize(2);
    }

    @Test
    void aRunsTeachersLinkToTheirLessonsOfThatWeek() {
        UUID run = generation.run(JobTrigger.MANUAL, null).jobLogId();

        assertThat(page("/admin/background-jobs/runs/" + run))
                .contains("href=\"/admin/lessons?teacher=" + aiko + "&amp;week=2027-03-01\"");
    }

    @Test
    void withoutAChoiceThePageOffersTheTeachers() {
        assertThat(page("/admin/lessons"))
                .contains("Whose lessons")
                .contains("<option value=\"\" selected=\"selected\">Choose a teacher</option>")
                .contains("<option value=\"" + aiko + "\">Aiko Tanaka</option>")
                .doesNotContain("data-lesson-id=");
    }

    @Test
    void anUnknownTeacherIs404AndAWeekThatIsNotADateIs400() {
        assertThat(get("/admin/lessons?teacher=" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
        assertThat(get("/admin/lessons?student=not-an-id").statusCode()).isEqualTo(404);
        assertThat(get("/admin/lessons?closure=" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
        assertThat(page("/admin/lessons?teacher=&week="))
                .contains("Whose lessons")
                .doesNotContain("data-lesson-id=");
        HttpResponse<String> badWeek = get("/admin/lessons?teacher=" + aiko + "&week=next-tuesday");
        assertThat(badWeek.statusCode()).isEqualTo(400);
        assertThat(badWeek.body())
                .contains(
                        "Query parameter &#39;week&#39; must be a date from 0001-01-01 to 9999-12-31, like 2026-11-28");
    }

    @Test
    void onlyAdminsSeeLessons() {
        String teacher = "lessons_token="
                + http.bearerFor(TestUsers.TEACHER, TestUsers.PASSWORD).substring(7);

        assertThat(http.get("/admin/lessons?teacher=" + aiko, "Cookie", teacher, "Accept", "text/html")
                        .statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<String> get(String path) {
        return http.get(path, "Cookie", cookie, "Accept", "text/html");
    }

    private String page(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
