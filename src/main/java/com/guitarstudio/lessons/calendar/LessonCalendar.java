package com.guitarstudio.lessons.calendar;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
                .map(LessonCalendar::upcoming)
                .toList();
    }

    /** The closure with this id, past or to come. */
    public Optional<UpcomingClosure> find(UUID id) {
        return closures.find(id).map(LessonCalendar::upcoming);
    }

    private static UpcomingClosure upcoming(ClosureService.ClosureView closure) {
        return new UpcomingClosure(
                closure.startsOn(), closure.endsOn(), closure.teacherName(), closure.reason(), closure.lessonsClosed());
    }
}
