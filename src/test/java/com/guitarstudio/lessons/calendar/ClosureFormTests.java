package com.guitarstudio.lessons.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.guitarstudio.lessons.Messages;
import com.guitarstudio.lessons.calendar.ClosureForm.Reader;
import com.guitarstudio.lessons.web.InvalidRequest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * A closure as the API and the page send it: what is accepted as it is, and for everything else the
 * field to fix and the sentence that says how, in the reader's words.
 */
class ClosureFormTests {

    private static final String ANNA = "3f2c1d9e-8a4b-4c6d-9e0f-1a2b3c4d5e6f";

    private final MessageSourceAccessor messages = Messages.source();

    @Test
    void aStudioClosureIsReadWithItsReasonStripped() {
        NewClosure closure = new ClosureForm(null, " STUDIO_CLOSED ", " 2027-12-24", "2028-01-02 ", "  Winter break ")
                .validate(messages, Reader.API);

        assertThat(closure)
                .isEqualTo(new NewClosure(
                        null,
                        ClosureKind.STUDIO_CLOSED,
                        LocalDate.parse("2027-12-24"),
                        LocalDate.parse("2028-01-02"),
                        "Winter break"));
    }

    @Test
    void aTeachersTimeOffNamesTheTeacherAndMayLastOneDay() {
        NewClosure closure = new ClosureForm(
                        " " + ANNA + " ", "TEACHER_ABSENT", "2027-03-15", "2027-03-15", "Anna away")
                .validate(messages, Reader.API);

        assertThat(closure.teacherId()).isEqualTo(UUID.fromString(ANNA));
        assertThat(closure.kind()).isEqualTo(ClosureKind.TEACHER_ABSENT);
        assertThat(closure.startsOn()).isEqualTo(closure.endsOn());
    }

    @Test
    void aClosureLastsAtMost366DaysBothEndsIncluded() {
        assertThat(form("STUDIO_CLOSED", null, "2028-01-01", "2028-12-31", "Leap year")
                        .validate(messages, Reader.API)
                        .endsOn())
                .isEqualTo(LocalDate.parse("2028-12-31"));
        assertRefused(
                form("STUDIO_CLOSED", null, "2027-01-01", "2028-01-02", "Too long"),
                Reader.API,
                "endsOn",
                "A closure lasts at most 366 days and this one would last 367: split it into two closures.");
    }

    @Test
    void aReasonOf200CharactersIsKeptAndOneMoreIsRefusedCountingCharactersNotUtf16Units() {
        String twoHundred = "🎸".repeat(200);

        assertThat(form("STUDIO_CLOSED", null, "2027-03-15", "2027-03-15", twoHundred)
                        .validate(messages, Reader.API)
                        .reason())
                .isEqualTo(twoHundred);
        assertRefused(
                form("STUDIO_CLOSED", null, "2027-03-15", "2027-03-15", twoHundred + "a"),
                Reader.API,
                "reason",
                "Shorten the reason to at most 200 characters.");
    }

    @ParameterizedTest(name = "{5}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            null           | null | 2027-03-15 | 2027-03-15 | Break      | kind      | Choose what kind of closure this is: STUDIO_CLOSED (the whole studio) or TEACHER_ABSENT (one teacher is away).
            studio_closed  | null | 2027-03-15 | 2027-03-15 | Break      | kind      | Choose what kind of closure this is: STUDIO_CLOSED (the whole studio) or TEACHER_ABSENT (one teacher is away).
            STUDIO_CLOSED  | null | null       | 2027-03-15 | Break      | startsOn  | Write startsOn as a date from 0001-01-01 to 9999-12-31 in the form YYYY-MM-DD, such as 2027-12-24.
            STUDIO_CLOSED  | null | 2027-03-15 | 15/03/2027 | Break      | endsOn    | Write endsOn as a date from 0001-01-01 to 9999-12-31 in the form YYYY-MM-DD, such as 2027-12-24.
            STUDIO_CLOSED  | null | 2027-03-15 | 2027-03-14 | Break      | endsOn    | The last day (2027-03-14) comes before the first day (2027-03-15): a closure ends on or after the day it starts.
            TEACHER_ABSENT | null | 2027-03-15 | 2027-03-15 | Away       | teacherId | Choose the teacher who is away: time off (TEACHER_ABSENT) needs a teacherId.
            TEACHER_ABSENT | ' '  | 2027-03-15 | 2027-03-15 | Away       | teacherId | Choose the teacher who is away: time off (TEACHER_ABSENT) needs a teacherId.
            TEACHER_ABSENT | anna | 2027-03-15 | 2027-03-15 | Away       | teacherId | No teacher has this teacherId: choose one of the studio's teachers.
            STUDIO_CLOSED  | 3f2c1d9e-8a4b-4c6d-9e0f-1a2b3c4d5e6f | 2027-03-15 | 2027-03-15 | Break | teacherId | A studio closure applies to every teacher: leave the teacher out, or choose time off (TEACHER_ABSENT) for one teacher.
            STUDIO_CLOSED  | null | 2027-03-15 | 2027-03-15 | null       | reason    | Give a reason: students see why their lesson does not take place.
            STUDIO_CLOSED  | null | 2027-03-15 | 2027-03-15 | '   '      | reason    | Give a reason: students see why their lesson does not take place.
            """)
    void theApiSaysWhichFieldToFixAndHow(
            String kind, String teacher, String first, String last, String reason, String field, String message) {
        assertRefused(form(kind, teacher, first, last, reason), Reader.API, field, message);
    }

    @Test
    void aReasonWithControlCharactersOrHalfACharacterIsRefused() {
        for (String reason :
                new String[] {"Break\u0000", "Break \uD83C", "Break \uDF78 low", "Bell\u0007", "Del\u007f"}) {
            assertRefused(
                    form("STUDIO_CLOSED", null, "2027-03-15", "2027-03-15", reason),
                    Reader.API,
                    "reason",
                    "Write the reason as plain text: it holds control characters (such as NUL) or half of a character (a lone surrogate).");
        }
    }

    @Test
    void tabsAndLineBreaksAndWholeCharactersOutsideTheBasicPlaneAreText() {
        String reason = "Winter\tbreak\r\nsee you 🎸";

        assertThat(form("STUDIO_CLOSED", null, "2027-03-15", "2027-03-15", reason)
                        .validate(messages, Reader.API)
                        .reason())
                .isEqualTo(reason);
    }

    @Test
    void thePageSpeaksTheFormsOwnWordsAndWritesDatesAsItShowsThem() {
        assertRefused(
                form("STUDIO_CLOSED", null, "", "2027-03-15", "Break"),
                Reader.PAGE,
                "startsOn",
                "Choose the first day.");
        assertRefused(
                form("STUDIO_CLOSED", null, "2027-03-15", "", "Break"), Reader.PAGE, "endsOn", "Choose the last day.");
        assertRefused(
                form("STUDIO_CLOSED", null, "2027-03-15", "2027-03-14", "Break"),
                Reader.PAGE,
                "endsOn",
                "The last day (Sun 14 Mar 2027) comes before the first day (Mon 15 Mar 2027): choose a last day on or after the first.");
        assertRefused(
                form("TEACHER_ABSENT", null, "2027-03-15", "2027-03-15", "Away"),
                Reader.PAGE,
                "teacherId",
                "Choose the teacher who is away.");
    }

    @Test
    void thePagesStudioClosureForgetsTheTeacherTheHiddenFieldStillSends() {
        ClosureForm studio = form("STUDIO_CLOSED", ANNA, "2027-03-15", "2027-03-15", "Break");
        ClosureForm timeOff = form("TEACHER_ABSENT", ANNA, "2027-03-15", "2027-03-15", "Away");

        assertThat(studio.fromPage().validate(messages, Reader.PAGE).teacherId())
                .isNull();
        assertThat(timeOff.fromPage()).isSameAs(timeOff);
        assertThat(ClosureForm.empty()).isEqualTo(new ClosureForm(null, "STUDIO_CLOSED", null, null, null));
    }

    private static ClosureForm form(String kind, String teacher, String first, String last, String reason) {
        return new ClosureForm(teacher, kind, first, last, reason);
    }

    private void assertRefused(ClosureForm form, Reader reader, String field, String message) {
        assertThatThrownBy(() -> form.validate(messages, reader))
                .isInstanceOfSatisfying(InvalidRequest.class, refused -> {
                    assertThat(refused.parameter()).isEqualTo(field);
                    assertThat(refused.getMessage()).isEqualTo(message);
                });
    }
}
