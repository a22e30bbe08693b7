package com.guitarstudio.lessons.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.StatementCounter;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The number of SQL statements of a run grows with the number of chunks, never with slots or lessons. */
@IntegrationTest
class StatementCountTests {

    @Autowired
    LessonGenerationService generation;

    @Autowired
    StudioFixtures studio;

    @Autowired
    StatementCounter counter;

    @Test
    void statementsDoNotGrowWithSlots() {
        int chunk = IntegrationTest.TEACHERS_PER_CHUNK;
        int tenSlotsEach = statementsOfARun(5 * chunk, 10);
        int twentySlotsEach = statementsOfARun(5 * chunk, 20);
        int twiceTheTeachers = statementsOfARun(10 * chunk, 10);

        assertThat(twentySlotsEach).isEqualTo(tenSlotsEach);
        // 5 chunks, and one query that finds no sixth. Per chunk: read the slots; in the write's
        // transaction say why it writes (the lesson events' cause), take the calendar lock, read the closures, look for
        // lessons cancelled because
        // their slot changed, insert the lessons, record the slots as planned and the teachers' rows;
        // record progress. Plus a handful for the lock, the job log and the lesson events' retention.
        assertThat(tenSlotsEach).isLessThanOrEqualTo(5 * 9 + 14);
        // five more chunks, nine statements each
        assertThat(twiceTheTeachers - tenSlotsEach).isEqualTo(5 * 9);
    }

    @Test
    void statementsDoNotGrowWithTheLessonsThatFollowTheirSlot() {
        int chunk = IntegrationTest.TEACHERS_PER_CHUNK;
        int tenSlotsEach = statementsOfARunAfterEverySlotChanged(5 * chunk, 10);
        int twentySlotsEach = statementsOfARunAfterEverySlotChanged(5 * chunk, 20);

        assertThat(twentySlotsEach).isEqualTo(tenSlotsEach);
        // Per chunk besides a first run's: read the lessons the changed slots own, change them, and ask
        // which of those not changed are still as read (none: every change is made).
        assertThat(tenSlotsEach).isLessThanOrEqualTo(5 * 12 + 14);
    }

    /**
     * A run after every slot moved half an hour and got a new price: every lesson is updated (but for
     * those within a day of the run, which are held).
     */
    private int statementsOfARunAfterEverySlotChanged(int teachers, int slotsPerTeacher) {
        statementsOfARun(teachers, slotsPerTeacher);
        studio.update("update recurring_slot set start_time = start_time + interval '30 minutes',"
                + " per_lesson_price = per_lesson_price + 100");
        counter.reset();

        GenerationResult result = generation.run(JobTrigger.MANUAL, null);

        assertThat(result.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(result.lessonsUpdated()).isGreaterThan(teachers * slotsPerTeacher * 11);
        return counter.executed();
    }

    private int statementsOfARun(int teachers, int slotsPerTeacher) {
        studio.empty();
        studio.bulk("count", teachers, slotsPerTeacher);
        counter.reset();

        GenerationResult result = generation.run(JobTrigger.MANUAL, null);

        assertThat(result.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(result.slotsProcessed()).isEqualTo(teachers * slotsPerTeacher);
        return counter.executed();
    }
}
