package com.guitarstudio.lessons.calendar;

import java.util.List;
import org.springframework.stereotype.Service;

/** The studio calendar as the admin page shows it. */
@Service
public class LessonCalendar {

    private final ClosureService closures;

    LessonCalendar(ClosureService closures) {
        this.closures = closures;
    }

    /** The first {@code limit} closures in effect or still to come, earliest first. */
    public List<UpcomingClosure> upcoming(int limit) {
        return closures.currentAndUpcoming().stream()
                .limit(limit)
                .map(closure -> new UpcomingClosure(
                        closure.startsOn(),
                        closure.endsOn(),
                        closure.teacherName(),
                        closure.reason(),
                        closure.lessonsClosed()))
                .toList();
    }
}
