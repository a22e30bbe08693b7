package com.guitarstudio.lessons.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.BulkStudio;
import com.guitarstudio.lessons.GenerationTestConfiguration;
import com.guitarstudio.lessons.StatementCounter;
import com.guitarstudio.lessons.StudioTables;
import com.guitarstudio.lessons.joblog.JobStatus;
import com.guitarstudio.lessons.joblog.JobTrigger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The number of SQL statements of a run grows with the number of chunks, never with slots or lessons. */
@SpringBootTest(properties = "app.generation.teachers-per-chunk=10")
@Import({GenerationTestConfiguration.class, StatementCountTests.Counting.class})
class StatementCountTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class Counting {
        @Bean
        static StatementCounter statementCounter() {
            return new StatementCounter();
        }
    }

    @Autowired
    JobRunner runner;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StatementCounter counter;

    @Test
    void statementsDoNotGrowWithSlots() {
        int tenSlotsEach = statementsOfARun(50, 10);
        int twentySlotsEach = statementsOfARun(50, 20);
        int twiceTheTeachers = statementsOfARun(100, 10);

        assertThat(twentySlotsEach).isEqualTo(tenSlotsEach);
        // 5 chunks of 10 teachers, and one query that finds no sixth: read, write and progress per
        // chunk, plus a handful for the lock and the job log.
        assertThat(tenSlotsEach).isLessThanOrEqualTo(3 * 6 + 12);
        // five more chunks, three statements each
        assertThat(twiceTheTeachers - tenSlotsEach).isEqualTo(5 * 3);
    }

    private int statementsOfARun(int teachers, int slotsPerTeacher) {
        StudioTables.truncate(jdbc);
        BulkStudio.create(jdbc, "count", teachers, slotsPerTeacher);
        counter.reset();

        GenerationResult result = runner.run(JobTrigger.MANUAL, null);

        assertThat(result.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(result.slotsProcessed()).isEqualTo(teachers * slotsPerTeacher);
        return counter.executed();
    }
}
