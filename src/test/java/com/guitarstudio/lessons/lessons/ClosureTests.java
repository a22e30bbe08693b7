package com.guitarstudio.lessons.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which dates and teachers a closure covers, and which of several closures a lesson belongs to. */
class ClosureTests {

    private static final UUID ANNA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private final Closure annaAway = closure("10000000-0000-0000-0000-000000000000", ANNA, "2027-03-15", "2027-03-21");
    private final Closure studio = closure("20000000-0000-0000-0000-000000000000", null, "2027-03-15", "2027-03-15");

    @Test
    void aClosureCoversItsFirstAndLastDayAndTheDaysBetween() {
        assertThat(annaAway.covers(LocalDate.parse("2027-03-14"))).isFalse();
        assertThat(annaAway.covers(LocalDate.parse("2027-03-15"))).isTrue();
        assertThat(annaAway.covers(LocalDate.parse("2027-03-18"))).isTrue();
        assertThat(annaAway.covers(LocalDate.parse("2027-03-21"))).isTrue();
        assertThat(annaAway.covers(LocalDate.parse("2027-03-22"))).isFalse();
        assertThat(studio.covers(LocalDate.parse("2027-03-15"))).isTrue();
    }

    @Test
    void timeOffAppliesToItsTeacherAndAStudioClosureToEveryone() {
        assertThat(annaAway.appliesTo(ANNA)).isTrue();
        assertThat(annaAway.appliesTo(BEN)).isFalse();
        assertThat(studio.appliesTo(ANNA)).isTrue();
        assertThat(studio.appliesTo(BEN)).isTrue();
    }

    @Test
    void theClosureThatStartsFirstWinsThenTheSmallerIdAsPostgreSqlOrdersIt() {
        Closure laterStart = closure("00000000-0000-0000-0000-000000000001", null, "2027-03-16", "2027-03-16");
        // 9… < a… as text and as PostgreSQL orders uuids; as Java compares UUIDs (signed longs) it is the other way
        // round
        Closure nine = closure("90000000-0000-0000-0000-000000000000", null, "2027-03-15", "2027-03-15");
        Closure a = closure("a0000000-0000-0000-0000-000000000000", null, "2027-03-15", "2027-03-15");

        assertThat(List.of(laterStart, a, studio, nine, annaAway).stream()
                        .sorted(Closure.PRECEDENCE)
                        .toList())
                .containsExactly(annaAway, studio, nine, a, laterStart);
    }

    private static Closure closure(String id, UUID teacher, String first, String last) {
        return new Closure(UUID.fromString(id), teacher, LocalDate.parse(first), LocalDate.parse(last));
    }
}
