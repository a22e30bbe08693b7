package com.guitarstudio.lessons.studio;

import com.guitarstudio.lessons.StudioFixtures;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * A small studio for the dev launcher: teachers in several time zones (one in the southern
 * hemisphere, one with a half-hour offset), students with weekly slots, and the data problems the
 * health checks look for (a teacher without lesson settings, a slot booked long ago, a slot of an
 * inactive student), and a calendar: a winter closure, a teacher's week off, a slot bounded by a
 * term and two students who come every other week.
 */
public class DemoData {

    public static final String ADMIN_EMAIL = "admin@demo.studio";
    /** A public demo password for a throwaway database, printed by the dev launcher. */
    public static final String ADMIN_PASSWORD = "demo-admin-password";

    private record DemoTeacher(String name, String zone, boolean withSettings, int students) {}

    private static final List<DemoTeacher> TEACHERS = List.of(
            new DemoTeacher("Maria Lopez", "America/Chicago", true, 8),
            new DemoTeacher("James Carter", "America/New_York", true, 7),
            new DemoTeacher("Olivia Brown", "Europe/London", true, 6),
            new DemoTeacher("Liam Wilson", "Australia/Sydney", true, 6),
            new DemoTeacher("Priya Sharma", "Asia/Kolkata", true, 5),
            new DemoTeacher("Tom Becker", "Europe/Berlin", false, 2));

    private static final List<String> FIRST_NAMES = List.of(
            "Ava", "Ben", "Chloe", "Dan", "Ella", "Finn", "Grace", "Hugo", "Isla", "Jack", "Kira", "Leo", "Mia", "Noah",
            "Olive", "Paul", "Quinn", "Rosa", "Sam", "Tara");
    private static final List<String> LAST_NAMES =
            List.of("Adams", "Baker", "Clark", "Diaz", "Evans", "Fox", "Green", "Hill", "Ito", "Jones");

    private final StudioFixtures studio;

    public DemoData(StudioFixtures studio) {
        this.studio = studio;
    }

    @Transactional
    public void seed(Instant now) {
        studio.user(ADMIN_EMAIL, "Studio Admin", "ADMIN", new BCryptPasswordEncoder().encode(ADMIN_PASSWORD));
        int studentNumber = 0;
        UUID lastStudent = null;
        for (DemoTeacher demo : TEACHERS) {
            UUID teacher = demo.withSettings()
                    ? studio.teacher(demo.name(), demo.zone())
                    : studio.teacherWithoutSettings(demo.name(), demo.zone());
            for (int i = 0; i < demo.students(); i++, studentNumber++) {
                String name = FIRST_NAMES.get(studentNumber % FIRST_NAMES.size()) + " "
                        + LAST_NAMES.get(studentNumber % LAST_NAMES.size());
                UUID student = studio.student(name, teacher);
                // Monday to Friday, one hour apart from 15:00: no two slots of a teacher overlap.
                DayOfWeek day = DayOfWeek.of(1 + i % 5);
                LocalTime start = LocalTime.of(15, 0).plusHours(i / 5);
                int minutes = i % 3 == 0 ? 60 : 30;
                UUID slot = studio.slot(teacher, student, day, start, minutes, minutes == 60 ? 5500 : 3000);
                // The first student of the studio booked eight months ago: a slot "that may need review".
                Instant bookedAt =
                        studentNumber == 0 ? now.minus(Duration.ofDays(240)) : now.minus(Duration.ofDays(7L * (i + 1)));
                studio.update("update recurring_slot set booked_at = ? where id = ?", Timestamp.from(bookedAt), slot);
                lastStudent = student;
            }
        }
        // The last student has left the studio but the slot is still ACTIVE: an orphaned slot.
        studio.update("update student_profile set is_active = false where id = ?", lastStudent);
        seedCalendar(now);
    }

    /**
     * The studio calendar: the winter closure, Olivia's week off in two weeks, Maria's first slot
     * bounded by a term, and two of Liam's students every other week.
     */
    private void seedCalendar(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate christmasEve = today.withMonth(12).withDayOfMonth(24);
        if (christmasEve.isBefore(today)) {
            christmasEve = christmasEve.plusYears(1);
        }
        studio.closure(null, christmasEve, christmasEve.plusDays(9), "Winter break: the studio is closed");
        studio.closure(teacherNamed("Olivia Brown"), today.plusDays(14), today.plusDays(20), "Olivia is at a festival");
        studio.update("""
                update recurring_slot set starts_on = ?, ends_on = ? where id = (
                  select r.id from recurring_slot r join teacher_profile t on t.id = r.teacher_id
                  join app_user u on u.id = t.user_id where u.name = 'Maria Lopez' order by r.day_of_week limit 1)
                """, today.minusDays(30), today.plusWeeks(6));
        studio.update("""
                update recurring_slot set starts_on = ?, interval_weeks = 2 where id in (
                  select r.id from recurring_slot r join teacher_profile t on t.id = r.teacher_id
                  join app_user u on u.id = t.user_id where u.name = 'Liam Wilson' order by r.day_of_week limit 2)
                """, today);
    }

    private UUID teacherNamed(String name) {
        return studio.teacherId(name);
    }
}
