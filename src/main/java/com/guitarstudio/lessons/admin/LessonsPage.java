package com.guitarstudio.lessons.admin;

import com.guitarstudio.lessons.calendar.LessonCalendar;
import com.guitarstudio.lessons.lessons.LessonWeeks;
import com.guitarstudio.lessons.web.InvalidRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /admin/lessons}: which lessons there are, read only. A teacher's or a student's week
 * ({@code teacher} or {@code student}, and {@code week}: any day of it, this week by default) in the
 * teacher's own time, or the lessons a closure holds ({@code closure}); each lesson with its status
 * in words. Linked from a run's teachers, the preview's changes and the closures' counts.
 */
@Controller
class LessonsPage {

    static final String PATH = "/admin/lessons";

    private final LessonWeeks weeks;
    private final Times times;
    private final Clock clock;
    private final LessonCalendar calendar;

    LessonsPage(LessonWeeks weeks, Times times, Clock clock, LessonCalendar calendar) {
        this.weeks = weeks;
        this.times = times;
        this.clock = clock;
        this.calendar = calendar;
    }

    @GetMapping(PATH)
    String lessons(
            @RequestParam(name = "teacher", required = false) String teacher,
            @RequestParam(name = "student", required = false) String student,
            @RequestParam(name = "closure", required = false) String closure,
            @RequestParam(name = "week", required = false) String week,
            Model model) {
        LocalDate day = HistoryQuery.date("week", week);
        if (day == null) {
            day = LocalDate.ofInstant(clock.instant(), times.zoneId());
        }
        model.addAttribute("teachers", weeks.teachers());
        if (chosen(closure)) {
            UUID id = id("closure", closure);
            model.addAttribute(
                    "closure",
                    calendar.find(id)
                            .orElseThrow(() ->
                                    new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such closure")));
            model.addAttribute("closureLessons", weeks.ofClosure(id));
            model.addAttribute("closureLimit", LessonWeeks.CLOSURE_LESSONS);
        } else if (chosen(teacher) || chosen(student)) {
            LessonWeeks.Of of = chosen(teacher) ? LessonWeeks.Of.TEACHER : LessonWeeks.Of.STUDENT;
            UUID id = chosen(teacher) ? id("teacher", teacher) : id("student", student);
            model.addAttribute("week", weeks.week(of, id, day).orElseThrow(() -> notFound(of)));
            model.addAttribute("of", of.name().toLowerCase(Locale.ROOT));
            model.addAttribute("id", id);
        }
        return "admin/lessons";
    }

    /** A parameter with a value: the picker sends {@code teacher=} when no teacher is chosen. */
    private static boolean chosen(String parameter) {
        return parameter != null && !parameter.isBlank();
    }

    private static UUID id(String parameter, String value) {
        return RunIds.parse(value)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "There is no " + parameter + " '" + InvalidRequest.shown(value) + "'"));
    }

    private static ResponseStatusException notFound(LessonWeeks.Of of) {
        return new ResponseStatusException(
                HttpStatus.NOT_FOUND, "There is no such " + of.name().toLowerCase(Locale.ROOT));
    }
}
