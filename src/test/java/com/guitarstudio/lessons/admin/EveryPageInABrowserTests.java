package com.guitarstudio.lessons.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Check;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.guitarstudio.lessons.Browser;
import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.generation.LessonGenerationService;
import com.guitarstudio.lessons.joblog.JobTrigger;
import com.guitarstudio.lessons.studio.DemoData;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page of the service, signed in, in a real browser at a desktop's width (1280 px) and a
 * phone's (390 px), on the demo studio with two runs (one with an error), a slot that moved and its
 * closures: no axe-core violation, no colour contrast axe could not settle that is below 4.5:1, every
 * button and link with a label one can see (its text's colour differs from what is behind it), and
 * nothing wider than the window. Each page's whole length is written to {@code
 * target/screenshots/pages/<page>-<width>.png}, to be looked at.
 */
@IntegrationTest
class EveryPageInABrowserTests {

    /** WCAG 2 AA for text: what the pages promise. */
    private static final double MINIMUM_CONTRAST = 4.5;

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

    /** Changes a teacher's slot, counting from 0 by day and time: {@code formatted(name, index, assignments)}. */
    private static final String SLOT_OF = """
            update recurring_slot set %3$s where id = (
              select r.id from recurring_slot r join teacher_profile t on t.id = r.teacher_id
              join app_user u on u.id = t.user_id where u.name = '%1$s' order by r.day_of_week, r.start_time
              offset %2$d limit 1)
            """;

    private Browser browser;
    private final List<String> problems = new ArrayList<>();

    @BeforeEach
    void theDemoStudioAfterTwoRuns() {
        studio.empty();
        clock.set(IntegrationTestConfiguration.START);
        new DemoData(studio).seed(clock.instant());
        generation.run(JobTrigger.MANUAL, DemoData.ADMIN_EMAIL);
        studio.update(SLOT_OF.formatted("James Carter", 0, "start_time = '17:45', per_lesson_price = 3200"));
        studio.teacherWithOneSlot("Zed Unknown", "Mars/Olympus_Mons", DayOfWeek.MONDAY, LocalTime.NOON);
        browser = Browser.start(port);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void everyPageIsAccessibleAndFitsTheWindow(int width) {
        browser.resize(width, 900);
        browser.open("/login");
        check("login", width);
        browser.signIn(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
        UUID run = generation.run(JobTrigger.MANUAL, DemoData.ADMIN_EMAIL).jobLogId();
        UUID festival = closure("Olivia is at a festival");
        jdbc.sql("""
                        insert into calendar_feed (teacher_id, token_hash, created_by)
                        select id, sha256(convert_to(id::text, 'UTF8')), ? from teacher_profile
                        """).param(DemoData.ADMIN_EMAIL).update();
        // for the preview: a slot that moved since, and one that ended
        studio.update(SLOT_OF.formatted("Priya Sharma", 0, "start_time = '19:30'"));
        studio.update(SLOT_OF.formatted("Olivia Brown", 1, "ends_on = '2027-03-20'"));

        for (Map.Entry<String, String> page : pages(run, festival).entrySet()) {
            browser.open(page.getValue());
            check(page.getKey(), width);
        }
        browser.open("/admin/closures");
        browser.driver()
                .executeScript(
                        "arguments[0].value = '2027-03-15'", browser.driver().findElement(By.id("startsOn")));
        browser.driver()
                .executeScript(
                        "arguments[0].value = '2027-03-21'", browser.driver().findElement(By.id("endsOn")));
        browser.driver().findElement(By.id("reason")).sendKeys("Spring break");
        browser.driver().findElement(By.id("preview-button")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-count")));
        check("closure-preview", width);
        browser.open("/admin/calendar-feeds");
        new Select(browser.driver().findElement(By.id("owner"))).selectByIndex(1);
        browser.driver().findElement(By.id("create-feed")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("copy-link")));
        check("calendar-feed-created", width);

        assertThat(problems).isEmpty();
    }

    private Map<String, String> pages(UUID run, UUID festival) {
        UUID olivia = studio.teacherId("Olivia Brown");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("background-jobs", "/admin/background-jobs?run=" + run);
        pages.put("history-filtered", "/admin/background-jobs?status=PARTIAL&trigger=MANUAL");
        pages.put("preview", "/admin/background-jobs/preview");
        pages.put("run", "/admin/background-jobs/runs/" + run);
        pages.put("closures", "/admin/closures");
        pages.put("closure-delete", "/admin/closures/" + festival + "/delete");
        pages.put("calendar-feeds", "/admin/calendar-feeds");
        pages.put("lessons", "/admin/lessons");
        pages.put("lessons-of-a-teacher", "/admin/lessons?teacher=" + olivia + "&week=2027-03-15");
        pages.put("lessons-of-a-closure", "/admin/lessons?closure=" + festival);
        pages.put("not-found", "/admin/background-jobs/runs/" + UUID.randomUUID());
        pages.put("bad-filter", "/admin/background-jobs?status=DONE");
        return pages;
    }

    /** Checks the page the browser shows, adding what is wrong to {@link #problems}, and shoots it. */
    private void check(String page, int width) {
        String where = page + " at " + width + " px: ";
        Results axe = new AxeBuilder().analyze(browser.driver());
        for (Rule violation : axe.getViolations()) {
            for (CheckedNode node : violation.getNodes()) {
                problems.add(where + violation.getId() + " (" + violation.getHelp() + ") at " + node.getTarget() + ": "
                        + node.getFailureSummary());
            }
        }
        for (Rule review : axe.getIncomplete()) {
            if (!review.getId().equals("color-contrast")) {
                continue;
            }
            for (CheckedNode node : review.getNodes()) {
                double ratio = contrast(node);
                // axe leaves SVG text for review without a ratio: FAINT_CHART_TEXT measures it
                if (ratio < MINIMUM_CONTRAST && !node.getHtml().startsWith("<text")) {
                    problems.add(where + "contrast " + (ratio == 0 ? "that axe could not work out" : ratio + ":1")
                            + " at " + node.getTarget() + " " + node.getHtml());
                }
            }
        }
        @SuppressWarnings("unchecked")
        List<String> faint = (List<String>) browser.driver().executeScript(FAINT_CHART_TEXT, MINIMUM_CONTRAST);
        faint.forEach(problem -> problems.add(where + problem));
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) browser.driver().executeScript(UNSEEN_LABELS);
        unlabelled.forEach(problem -> problems.add(where + problem));
        long pageWidth = (Long) browser.driver().executeScript("return document.documentElement.scrollWidth");
        long window = (Long) browser.driver().executeScript("return window.innerWidth");
        if (pageWidth > window) {
            problems.add(where + "the page is " + pageWidth + " px wide in a " + window + " px window");
        }
        browser.fullPage("pages/" + page + "-" + width + ".png");
    }

    /** The contrast ratio axe measured for a node it left for review; 0 when it could not measure it. */
    private static double contrast(CheckedNode node) {
        for (Check check : node.getAny()) {
            if (check.getData() instanceof Map<?, ?> data && data.get("contrastRatio") instanceof Number ratio) {
                return ratio.doubleValue();
            }
        }
        return 0;
    }

    /** Every chart label (SVG text, which axe does not measure) fainter than the minimum against its panel. */
    private static final String FAINT_CHART_TEXT = Browser.COLOURS + """
            const problems = [];
            for (const text of document.querySelectorAll('svg text')) {
              const ratio = contrast(getComputedStyle(text).fill, behind(text.closest('svg')));
              if (ratio < arguments[0]) {
                problems.push('chart text "' + text.textContent + '" has contrast ' + ratio.toFixed(2) + ':1');
              }
            }
            return problems;
            """;

    /**
     * Every button and link on screen whose label one cannot see: no text, or text in the colour of
     * what is behind it (the first ancestor with a background colour).
     */
    private static final String UNSEEN_LABELS = Browser.COLOURS + """
            const problems = [];
            for (const element of document.querySelectorAll('a, button, input[type=submit], summary')) {
              const box = element.getBoundingClientRect();
              const style = getComputedStyle(element);
              if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || box.right <= 0) continue;
              const name = element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
                  + ' "' + (element.innerText || element.value || '').trim().slice(0, 40) + '"';
              if (!(element.innerText || element.value || '').trim()) {
                problems.push(name + ' has no visible text');
              } else if (style.color === behind(element)) {
                problems.push(name + ' is written in ' + style.color + ' on the same colour');
              }
            }
            return problems;
            """;

    private UUID closure(String reason) {
        return jdbc.sql("select id from studio_closure where reason = ?")
                .param(reason)
                .query(UUID.class)
                .single();
    }
}
