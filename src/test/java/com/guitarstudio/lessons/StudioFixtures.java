package com.guitarstudio.lessons;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The one way tests (and the dev launcher's demo studio) put data in the database: SQL, as the
 * studio's main app writes it, small and explicit or, for volume, set-based.
 */
public final class StudioFixtures {

    /** When the fixtures' slots were booked: the tests' start, by the application's clock. */
    static final Timestamp BOOKED_AT = Timestamp.from(IntegrationTestConfiguration.START);

    /** The zones of {@link #bulk}: both hemispheres, half-hour and 45-minute offsets. */
    public static final List<String> BULK_ZONES = List.of(
            "America/Chicago",
            "America/New_York",
            "Europe/London",
            "Australia/Sydney",
            "Asia/Kolkata",
            "Pacific/Chatham",
            "America/Santiago",
            "Australia/Lord_Howe");

    private static final String TEST_PASSWORD_HASH = new BCryptPasswordEncoder().encode(TestUsers.PASSWORD);

    private final JdbcClient jdbc;

    public StudioFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empties every table: all tests of a run share one database, and a test that writes starts from nothing. */
    public void empty() {
        // DELETE, not TRUNCATE: TRUNCATE locks each table exclusively in turn, and a health check
        // reading the same tables meanwhile (an instance's background refresh) can hold one of them
        // while it waits for another: a deadlock, which a PostgreSQL under libfaketime (the
        // other-clock pass) does not break. DELETE takes row locks only. Children first.
        for (String table : List.of(
                "lesson_event",
                "lesson",
                "calendar_feed",
                "planned_slot",
                "studio_closure",
                "recurring_slot",
                "teacher_lesson_settings",
                "student_profile",
                "teacher_profile",
                "app_user",
                "job_log_teacher",
                "alert",
                "job_log",
                "shedlock",
                "login_failure")) {
            jdbc.sql("delete from " + table).update();
        }
        jdbc.sql("""
                update lesson_event_delivery
                set last_delivered_id = 0, delivered_at = null, failures = 0, last_error = null, failed_at = null
                """).update();
    }

    /**
     * Makes the database refuse {@code teacher}'s lesson on {@code date} (an exception from a trigger),
     * after the statement that inserts it has written the lessons before it. {@link
     * #acceptEveryLesson} takes it back.
     */
    public void refuseLessonOf(UUID teacher, LocalDate date) {
        jdbc.sql("""
                create or replace function fail_for_teacher() returns trigger language plpgsql as $$
                begin
                  raise exception 'injected failure for %', new.teacher_id;
                end $$
                """).update();
        jdbc.sql("""
                create trigger fail_for_teacher before insert on lesson for each row
                when (new.teacher_id = '%s' and new.occurrence_date = '%s')
                execute function fail_for_teacher()
                """.formatted(teacher, date)).update();
    }

    public void acceptEveryLesson() {
        jdbc.sql("drop trigger if exists fail_for_teacher on lesson").update();
    }

    /** An active teacher with lesson settings. */
    public UUID teacher(String name, String zone) {
        UUID teacherId = teacherWithoutSettings(name, zone);
        jdbc.sql("insert into teacher_lesson_settings (teacher_id, price_30_min, price_60_min) values (?, 3000, 5500)")
                .param(teacherId)
                .update();
        return teacherId;
    }

    /** An active teacher who has not saved lesson settings yet. */
    public UUID teacherWithoutSettings(String name, String zone) {
        UUID userId = user(email(name), name, "TEACHER", null);
        return jdbc.sql("insert into teacher_profile (user_id, timezone) values (?, ?) returning id")
                .params(userId, zone)
                .query(UUID.class)
                .single();
    }

    public UUID student(String name, UUID teacherId) {
        UUID userId = user(email(name), name, "STUDENT", null);
        return jdbc.sql("insert into student_profile (user_id, teacher_id) values (?, ?) returning id")
                .params(userId, teacherId)
                .query(UUID.class)
                .single();
    }

    /**
     * An ACTIVE weekly slot; {@code day} is stored counting from Sunday = 0. Booked at the tests'
     * start ({@link #BOOKED_AT}), not at the database's now(), which is years away from the tests'
     * clock in one CI pass or the other (a slot booked "two years ago" would count as old).
     */
    public UUID slot(UUID teacherId, UUID studentId, DayOfWeek day, LocalTime start, int minutes, int price) {
        return jdbc.sql("""
                insert into recurring_slot (teacher_id, student_id, day_of_week, start_time, duration_minutes, per_lesson_price, booked_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id
                """)
                .params(teacherId, studentId, day.getValue() % 7, start, minutes, price, BOOKED_AT)
                .query(UUID.class)
                .single();
    }

    /**
     * Gives a slot a term and a cadence: it meets every {@code intervalWeeks} weeks from {@code
     * startsOn} through {@code endsOn} (either may be null).
     */
    public void term(UUID slotId, LocalDate startsOn, LocalDate endsOn, int intervalWeeks) {
        jdbc.sql("update recurring_slot set starts_on = ?, ends_on = ?, interval_weeks = ? where id = ?")
                .params(startsOn, endsOn, intervalWeeks, slotId)
                .update();
    }

    /**
     * A closure row as the studio app might write it, without closing any lesson: the whole studio
     * when {@code teacherId} is null, that teacher's time off otherwise.
     */
    public UUID closure(UUID teacherId, LocalDate startsOn, LocalDate endsOn, String reason) {
        return jdbc.sql("""
                insert into studio_closure (teacher_id, kind, starts_on, ends_on, reason)
                values (?, ?, ?, ?, ?) returning id
                """)
                .params(teacherId, teacherId == null ? "STUDIO_CLOSED" : "TEACHER_ABSENT", startsOn, endsOn, reason)
                .query(UUID.class)
                .single();
    }

    /** The teacher profile of the user with this name. */
    public UUID teacherId(String name) {
        return jdbc.sql("select t.id from teacher_profile t join app_user u on u.id = t.user_id where u.name = ?")
                .param(name)
                .query(UUID.class)
                .single();
    }

    /** A teacher with one student and one slot; returns the slot. */
    public UUID teacherWithOneSlot(String name, String zone, DayOfWeek day, LocalTime start) {
        UUID teacher = teacher(name, zone);
        UUID student = student(name + "'s student", teacher);
        return slot(teacher, student, day, start, 30, 2500);
    }

    /**
     * A user; {@code passwordHash} a plain bcrypt hash, or null for one who cannot sign in. The id
     * derives from the email, so a user made again after {@link #empty()} is the same user, and a
     * token issued before still names them (tokens are checked against the database).
     */
    public UUID user(String email, String name, String role, String passwordHash) {
        return jdbc.sql("""
                        insert into app_user (id, email, name, role, password_hash)
                        values (md5(lower(?))::uuid, ?, ?, ?, ?) returning id
                        """)
                .params(email, email, name, role, passwordHash)
                .query(UUID.class)
                .single();
    }

    /** The users of {@link TestUsers}: a student, a teacher, an admin teacher and an admin. */
    public void signInUsers() {
        UUID teacher = signInTeacher(TestUsers.TEACHER, false);
        signInTeacher(TestUsers.ADMIN_TEACHER, true);
        UUID student = user(TestUsers.STUDENT, "student", "STUDENT", TEST_PASSWORD_HASH);
        jdbc.sql("insert into student_profile (user_id, teacher_id) values (?, ?)")
                .params(student, teacher)
                .update();
        user(TestUsers.ADMIN, "admin", "ADMIN", TEST_PASSWORD_HASH);
    }

    /**
     * A large studio: {@code teachers} teachers, each with {@code studentsPerTeacher} students holding
     * one weekly 30-minute slot each (Monday to Friday, 45 minutes apart from 08:00, so no two
     * overlap), teachers spread over {@link #BULK_ZONES}. Ids derive from {@code prefix} and the
     * numbers, so rows relate without lookups and studios with other prefixes can coexist.
     */
    public void bulk(String prefix, int teachers, int studentsPerTeacher) {
        String zones = "array['" + String.join("','", BULK_ZONES) + "']";
        jdbc.sql("""
                insert into app_user (id, email, name, role)
                select md5(:p || 'tu' || t)::uuid, :p || '-teacher-' || t || '@bulk.test', 'Teacher ' || :p || t, 'TEACHER'
                from generate_series(1, :teachers) t
                """).param("p", prefix).param("teachers", teachers).update();
        jdbc.sql("""
                insert into teacher_profile (id, user_id, timezone)
                select md5(:p || 't' || t)::uuid, md5(:p || 'tu' || t)::uuid, (%s)[1 + t %% %d]
                from generate_series(1, :teachers) t
                """.formatted(zones, BULK_ZONES.size()))
                .param("p", prefix)
                .param("teachers", teachers)
                .update();
        jdbc.sql("""
                insert into teacher_lesson_settings (teacher_id, price_30_min, price_60_min)
                select md5(:p || 't' || t)::uuid, 3000, 5500 from generate_series(1, :teachers) t
                """).param("p", prefix).param("teachers", teachers).update();
        jdbc.sql("""
                insert into app_user (id, email, name, role)
                select md5(:p || 'su' || t || '-' || s)::uuid, :p || '-student-' || t || '-' || s || '@bulk.test',
                       'Student ' || t || '-' || s, 'STUDENT'
                from generate_series(1, :teachers) t, generate_series(1, :students) s
                """)
                .param("p", prefix)
                .param("teachers", teachers)
                .param("students", studentsPerTeacher)
                .update();
        jdbc.sql("""
                insert into student_profile (id, user_id, teacher_id)
                select md5(:p || 's' || t || '-' || s)::uuid, md5(:p || 'su' || t || '-' || s)::uuid, md5(:p || 't' || t)::uuid
                from generate_series(1, :teachers) t, generate_series(1, :students) s
                """)
                .param("p", prefix)
                .param("teachers", teachers)
                .param("students", studentsPerTeacher)
                .update();
        jdbc.sql("""
                insert into recurring_slot (id, teacher_id, student_id, day_of_week, start_time, duration_minutes, per_lesson_price, booked_at)
                select md5(:p || 'r' || t || '-' || s)::uuid, md5(:p || 't' || t)::uuid, md5(:p || 's' || t || '-' || s)::uuid,
                       1 + (s - 1) % 5, time '08:00' + ((s - 1) / 5) * interval '45 minutes', 30, 3000, :bookedAt
                from generate_series(1, :teachers) t, generate_series(1, :students) s
                """)
                .param("bookedAt", BOOKED_AT)
                .param("p", prefix)
                .param("teachers", teachers)
                .param("students", studentsPerTeacher)
                .update();
    }

    /**
     * A calendar for a {@link #bulk} studio whose window starts around 2027-02-20: a tenth of the
     * slots every other week, a tenth every third or fourth week (all from 2027-02-10), a tenth
     * bounded by a term (2027-03-08 to 2027-04-25); the whole studio closed over Easter, and one
     * teacher in fifty away for a week.
     */
    public void bulkCalendar() {
        jdbc.sql("""
                update recurring_slot set
                  starts_on = case when abs(hashtext(id::text)) % 10 in (0, 1, 2) then date '2027-02-10'
                                   when abs(hashtext(id::text)) % 10 = 3 then date '2027-03-08' end,
                  ends_on = case when abs(hashtext(id::text)) % 10 = 3 then date '2027-04-25' end,
                  interval_weeks = case abs(hashtext(id::text)) % 10 when 0 then 2 when 1 then 3 when 2 then 4 else 1 end
                """).update();
        closure(null, LocalDate.parse("2027-03-26"), LocalDate.parse("2027-03-29"), "Easter");
        jdbc.sql("""
                insert into studio_closure (teacher_id, kind, starts_on, ends_on, reason)
                select id, 'TEACHER_ABSENT', date '2027-04-12', date '2027-04-18', 'Away'
                from teacher_profile where abs(hashtext(id::text)) % 50 = 0
                """).update();
    }

    /**
     * The hard cases for a {@link #bulk} studio whose window starts around 2027-02-20 (through mid
     * May), so that the job and {@link LessonRulesInSql} are compared where they could differ.
     *
     * <ul>
     *   <li>A twentieth of the slots of teachers in zones that change their clocks in the window
     *       meet at a wall-clock time that does not exist or happens twice on the day of the change:
     *       Sunday 02:30 in Chicago and New York (gap, 14 March) and in Sydney (overlap, 4 April),
     *       Sunday 01:30 in London (gap, 28 March), Sunday 01:45 on Lord Howe (its half-hour overlap,
     *       4 April), and Saturday 23:30 in Santiago, whose clocks go back at midnight (overlap, 3–4
     *       April).
     *   <li>Slots that must get no lessons: a fiftieth each of teachers inactive, of students
     *       inactive, of students moved to another teacher, of slots suspended, and of teachers
     *       whose zone is not a zone (their slots are the run's errors, PARTIAL).
     * </ul>
     */
    public void bulkEdges() {
        jdbc.sql("""
                update recurring_slot r set
                  day_of_week = case t.timezone when 'America/Santiago' then 6 else 0 end,
                  start_time = case t.timezone when 'Europe/London' then time '01:30'
                                               when 'America/Santiago' then time '23:30'
                                               when 'Australia/Lord_Howe' then time '01:45'
                                               else time '02:30' end
                from teacher_profile t
                where t.id = r.teacher_id and abs(hashtext(r.id::text || 'edge')) % 20 = 0
                  and t.timezone in ('America/Chicago', 'America/New_York', 'Australia/Sydney', 'Europe/London',
                                     'America/Santiago', 'Australia/Lord_Howe')
                """).update();
        jdbc.sql("update teacher_profile set is_active = false where abs(hashtext(id::text || 'off')) % 50 = 0")
                .update();
        jdbc.sql("update student_profile set is_active = false where abs(hashtext(id::text || 'off')) % 50 = 0")
                .update();
        jdbc.sql("""
                update student_profile s set teacher_id = (select t.id from teacher_profile t
                                                           where t.id <> s.teacher_id order by t.id limit 1)
                where abs(hashtext(s.id::text || 'moved')) % 50 = 0
                """).update();
        jdbc.sql("update recurring_slot set status = 'SUSPENDED' where abs(hashtext(id::text || 'off')) % 50 = 0")
                .update();
        jdbc.sql(
                        "update teacher_profile set timezone = 'Mars/Olympus_Mons' where abs(hashtext(id::text || 'mars')) % 50 = 0")
                .update();
    }

    /** A job_log row of a generation run that started at {@code executedAt}. */
    public UUID jobLogRow(String status, Instant executedAt) {
        return jdbc.sql("""
                insert into job_log (job_name, trigger, status, success, executed_at)
                values ('generate-future-lessons', 'SCHEDULE', ?, ? = 'SUCCESS', ?) returning id
                """)
                .params(status, status, Timestamp.from(executedAt))
                .query(UUID.class)
                .single();
    }

    public void update(String sql, Object... params) {
        jdbc.sql(sql).params(params).update();
    }

    public long lessonCount() {
        return jdbc.sql("select count(*) from lesson").query(Long.class).single();
    }

    public long lessonCount(UUID teacherId) {
        return jdbc.sql("select count(*) from lesson where teacher_id = ?")
                .param(teacherId)
                .query(Long.class)
                .single();
    }

    private UUID signInTeacher(String email, boolean admin) {
        UUID userId = user(email, email.substring(0, email.indexOf('@')), "TEACHER", TEST_PASSWORD_HASH);
        return jdbc.sql("insert into teacher_profile (user_id, is_admin) values (?, ?) returning id")
                .params(userId, admin)
                .query(UUID.class)
                .single();
    }

    private static String email(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]+", ".") + "." + UUID.randomUUID() + "@studio.test";
    }
}
