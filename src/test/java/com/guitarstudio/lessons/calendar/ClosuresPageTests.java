package com.guitarstudio.lessons.calendar;

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
import java.time.LocalTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The closures page over real HTTP, as a browser without script posts its forms. */
@IntegrationTest
class ClosuresPageTests {

    private static final String SPRING_BREAK =
            "kind=STUDIO_CLOSED&teacherId=&startsOn=2027-03-15&endsOn=2027-03-23&reason=Spring+break";

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

    @BeforeEach
    void signedInAdminWithLessons() {
        studio.empty();
        clock.set(IntegrationTestConfiguration.START);
        studio.signInUsers();
        http = new TestHttp(port);
        cookie = "lessons_token="
                + http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD).substring(7);
        studio.teacherWithOneSlot("Maria Lopez", "America/Chicago", DayOfWeek.TUESDAY, LocalTime.of(17, 30));
        generation.run(JobTrigger.MANUAL, null);
    }

    @Test
    void previewShowsTheLessonsAndWritesNothingThenSaveClosesThem() {
        TestHttp.Form form = http.form("/admin/closures", cookie);

        HttpResponse<String> preview = http.submit("/admin/closures/preview", form, SPRING_BREAK);

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body())
                .contains("2 lessons will be closed: Whole studio, Mon 15 Mar 2027 to Tue 23 Mar 2027.")
                .contains(">When (Chicago time)<", ">Tue 16 Mar 2027, 17:30<")
                .contains("Maria Lopez&#39;s student");
        assertThat(closed()).isZero();
        assertThat(jdbc.sql("select count(*) from studio_closure")
                        .query(Long.class)
                        .single())
                .isZero();

        HttpResponse<String> saved = http.submit("/admin/closures", form, SPRING_BREAK);

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/closures?closed=2"));
        assertThat(closed()).isEqualTo(2);
        String page = http.get("/admin/closures?closed=2", "Cookie", cookie, "Accept", "text/html")
                .body();
        assertThat(page).contains("Closure saved: 2 lessons were closed.").contains("Spring break");
        assertThat(http.get("/admin/background-jobs", "Cookie", cookie, "Accept", "text/html")
                        .body())
                .contains("Mon 15 Mar 2027 – Tue 23 Mar 2027: Spring break (Whole studio, 2 closed)");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        HttpResponse<String> response = http.post(
                "/admin/closures",
                SPRING_BREAK,
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Cookie",
                cookie,
                "Accept",
                "text/html");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(closed()).isZero();
    }

    @Test
    void aMistakeIsShownOnThePageWithTheFormKept() {
        TestHttp.Form form = http.form("/admin/closures", cookie);

        HttpResponse<String> response = http.submit(
                "/admin/closures/preview",
                form,
                "kind=STUDIO_CLOSED&teacherId=&startsOn=2027-03-23&endsOn=2027-03-15&reason=Spring+break");

        assertThat(response.body())
                .contains("The last day (Mon 15 Mar 2027) comes before the first day (Tue 23 Mar 2027)")
                .doesNotContain("2027-03-15)")
                .contains("value=\"Spring break\"");
        assertThat(closed()).isZero();
    }

    @Test
    void deleteAsksFirstThenGivesTheLessonsBack() {
        TestHttp.Form form = http.form("/admin/closures", cookie);
        http.submit("/admin/closures", form, SPRING_BREAK);
        String id = jdbc.sql("select id::text from studio_closure")
                .query(String.class)
                .single();

        HttpResponse<String> question =
                http.get("/admin/closures/" + id + "/delete", "Cookie", cookie, "Accept", "text/html");
        assertThat(question.body())
                .contains("Delete “Spring break” (Whole studio, Mon 15 Mar 2027 to Tue 23 Mar 2027)?");
        assertThat(closed()).isEqualTo(2);

        HttpResponse<String> deleted = http.submit(
                "/admin/closures/" + id + "/delete", http.form("/admin/closures/" + id + "/delete", cookie), "");

        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(closed()).isZero();
        assertThat(http.get("/admin/closures?restored=2", "Cookie", cookie, "Accept", "text/html")
                        .body())
                .contains("Closure deleted: 2 lessons were given back.")
                .contains("No closures are planned.");
    }

    @Test
    void overlapsAreSaidBeforeSavingAndAfterDeleting() {
        TestHttp.Form form = http.form("/admin/closures", cookie);
        String maria = studio.teacherId("Maria Lopez").toString();
        http.submit(
                "/admin/closures",
                form,
                "kind=TEACHER_ABSENT&teacherId=" + maria
                        + "&startsOn=2027-03-15&endsOn=2027-03-23&reason=Maria+on+tour");
        assertThat(closed()).isEqualTo(2);

        String preview =
                http.submit("/admin/closures/preview", form, SPRING_BREAK).body();

        assertThat(preview)
                .contains("It overlaps another closure; the lessons it already holds in these days stay with it:")
                .contains("Mon 15 Mar 2027 – Tue 23 Mar 2027: Maria on tour (Maria Lopez)");
        http.submit("/admin/closures", form, SPRING_BREAK);
        String tour = jdbc.sql("select id::text from studio_closure where reason = 'Maria on tour'")
                .query(String.class)
                .single();

        assertThat(http.get("/admin/closures/" + tour + "/delete", "Cookie", cookie, "Accept", "text/html")
                        .body())
                .contains("Lessons of these days that this other closure also covers stay closed:")
                .contains("Mon 15 Mar 2027 – Tue 23 Mar 2027: Spring break (Whole studio)");
        HttpResponse<String> deleted = http.submit(
                "/admin/closures/" + tour + "/delete", http.form("/admin/closures/" + tour + "/delete", cookie), "");
        java.net.URI next =
                java.net.URI.create(deleted.headers().firstValue("Location").orElseThrow());

        assertThat(http.get(next.getRawPath() + "?" + next.getRawQuery(), "Cookie", cookie, "Accept", "text/html")
                        .body())
                .contains("Closure deleted: no lesson was given back. 2 lessons stay closed by “Spring break”,"
                        + " which covers them too.");
        assertThat(closed()).isEqualTo(2);
    }

    @Test
    void onlyAdminsSeeThePage() {
        String teacher = "lessons_token="
                + http.bearerFor(TestUsers.TEACHER, TestUsers.PASSWORD).substring(7);

        assertThat(http.get("/admin/closures", "Cookie", teacher, "Accept", "text/html")
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.get("/admin/closures", "Accept", "text/html").statusCode())
                .isEqualTo(302);
    }

    private long closed() {
        return jdbc.sql("select count(*) from lesson where status = 'CLOSED'")
                .query(Long.class)
                .single();
    }
}
