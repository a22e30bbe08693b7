package com.guitarstudio.lessons.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.StudioFixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The dev launcher's studio has what a developer needs to see every feature at work. */
@IntegrationTest
class DemoDataTests {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Autowired
    StudioFixtures studio;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AppUserRepository users;

    @BeforeEach
    void seed() {
        studio.empty();
        new DemoData(studio).seed(NOW);
    }

    @Test
    void teachersLiveInSeveralZonesIncludingTheSouthernHemisphereAndAHalfHourOffset() {
        List<ZoneId> zones = jdbc.sql("select distinct timezone from teacher_profile")
                .query((rs, n) -> ZoneId.of(rs.getString(1)))
                .list();
        long teachers = jdbc.sql("select count(*) from teacher_profile")
                .query(Long.class)
                .single();

        assertThat(teachers).isGreaterThanOrEqualTo(5);
        assertThat(zones).hasSizeGreaterThanOrEqualTo(4);
        Instant january = LocalDate.of(2027, 1, 15).atStartOfDay().toInstant(ZoneOffset.UTC);
        assertThat(zones)
                .anySatisfy(zone -> assertThat(zone.getRules().isDaylightSavings(january))
                        .as("summer time in January (southern hemisphere)")
                        .isTrue());
        assertThat(zones)
                .anySatisfy(zone -> assertThat(zone.getRules().getOffset(NOW).getTotalSeconds() % 3600)
                        .as("offset that is not a whole hour")
                        .isNotZero());
    }

    @Test
    void thirtyOrMoreStudentsHaveWeeklySlots() {
        long studentsWithSlots = jdbc.sql(
                        "select count(distinct student_id) from recurring_slot where status = 'ACTIVE'")
                .query(Long.class)
                .single();

        assertThat(studentsWithSlots).isGreaterThanOrEqualTo(30);
    }

    @Test
    void containsTheDataProblemsTheHealthChecksReport() {
        long teachersWithoutSettings = jdbc.sql("""
                select count(*) from teacher_profile t
                where not exists (select 1 from teacher_lesson_settings s where s.teacher_id = t.id)
                """).query(Long.class).single();
        long slotsBookedOverSixMonthsAgo = jdbc.sql(
                        "select count(*) from recurring_slot where status = 'ACTIVE' and booked_at < ?::timestamptz - interval '6 months'")
                .param(NOW.toString())
                .query(Long.class)
                .single();
        long slotsOfInactiveStudents = jdbc.sql("""
                select count(*) from recurring_slot r join student_profile s on s.id = r.student_id
                where r.status = 'ACTIVE' and not s.is_active
                """).query(Long.class).single();

        assertThat(teachersWithoutSettings).isEqualTo(1);
        assertThat(slotsBookedOverSixMonthsAgo).isEqualTo(1);
        assertThat(slotsOfInactiveStudents).isEqualTo(1);
    }

    @Test
    void noTwoSlotsOfATeacherOverlapByAccident() {
        long overlaps = jdbc.sql("""
                select count(*) from recurring_slot a join recurring_slot b
                  on a.teacher_id = b.teacher_id and a.day_of_week = b.day_of_week and a.id < b.id
                 and a.start_time < b.start_time + make_interval(mins => b.duration_minutes)
                 and b.start_time < a.start_time + make_interval(mins => a.duration_minutes)
                """).query(Long.class).single();

        assertThat(overlaps).isZero();
    }

    @Test
    void theCalendarHasAWinterClosureATeachersWeekOffATermAndEveryOtherWeekStudents() {
        assertThat(jdbc.sql("select kind || ' ' || (ends_on - starts_on + 1) from studio_closure order by kind")
                        .query(String.class)
                        .list())
                .containsExactly("STUDIO_CLOSED 10", "TEACHER_ABSENT 7");
        assertThat(jdbc.sql("select count(*) from recurring_slot where ends_on is not null")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from recurring_slot where interval_weeks = 2")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void theAdminSignsInWithThePrintedPassword() {
        AppUser admin = users.findByEmail("ADMIN@demo.studio").orElseThrow();

        assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
        assertThat(admin.getPasswordHash()).startsWith("$2a$");
        assertThat(new BCryptPasswordEncoder().matches(DemoData.ADMIN_PASSWORD, admin.getPasswordHash()))
                .isTrue();
    }
}
