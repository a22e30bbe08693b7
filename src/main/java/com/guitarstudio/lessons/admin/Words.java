package com.guitarstudio.lessons.admin;

import com.guitarstudio.lessons.lessons.LessonWeeks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** What the pages call a lesson's state, and how they write a price. Used from the templates as {@code @words}. */
@Component("words")
public class Words {

    private final AdminMessages messages;

    Words(AdminMessages messages) {
        this.messages = messages;
    }

    /**
     * A lesson's status in words, with how it came to be so: "Closed: Winter break", "Cancelled: its
     * slot no longer meets that day", "Scheduled (changed in the studio app, left as it is)".
     */
    public String status(LessonWeeks.Lesson lesson) {
        String status;
        if (lesson.cancelledBySlotChange()) {
            status = messages.get("lesson.status.slotChanged");
        } else if ("CLOSED".equals(lesson.status())) {
            status = lesson.closureReason() == null
                    ? messages.get("lesson.status.closed")
                    : messages.get("lesson.status.CLOSED", lesson.closureReason());
        } else {
            status = messages.get("lesson.status." + lesson.status());
        }
        List<String> notes = new ArrayList<>();
        if (lesson.oneOff()) {
            notes.add(messages.get("lesson.note.oneOff"));
        }
        if (lesson.changedByPerson()) {
            notes.add(messages.get("lesson.note.changedByPerson"));
        }
        if (lesson.held()) {
            notes.add(messages.get("lesson.note.held"));
        }
        return notes.isEmpty() ? status : status + " (" + String.join("; ", notes) + ")";
    }

    private static final Pattern TEACHER_ID = Pattern.compile("^(Teacher .+?) \\([0-9a-f-]{36}\\): ");

    /**
     * A run's error as the page shows it: without the teacher's id, which the API's {@code errors}
     * carry ("Teacher Zed Unknown (0c3e…): unknown time zone" reads "Teacher Zed Unknown: unknown
     * time zone").
     */
    public String error(String error) {
        return TEACHER_ID.matcher(error).replaceFirst("$1: ");
    }

    /** Cents as the studio's currency units: 2500 is "25.00". */
    public String price(int cents) {
        return amount(cents);
    }

    static String amount(int cents) {
        return String.format(Locale.ENGLISH, "%d.%02d", cents / 100, Math.abs(cents % 100));
    }
}
