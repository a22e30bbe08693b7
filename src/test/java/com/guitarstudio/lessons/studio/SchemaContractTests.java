package com.guitarstudio.lessons.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.StudioFixtures;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The migrated schema is the contract shared with the studio's main app (docs/architecture.md):
 * other programs read and write these tables. The schema is read back from pg_catalog, written out
 * in a plain text form and compared with the contract in the same form, so any drift shows as a
 * readable diff.
 */
@IntegrationTest
class SchemaContractTests {

    /**
     * The contract, column by column (sorted by name), then keys and indexes; plus this service's
     * own tables, login_failure for the sign-in lockout (V2) and alert (V4), the partial index on
     * scheduled lessons for the health indicators and the weekly chart (V3), the studio calendar
     * (V5: studio_closure, slot terms and cadence, CLOSED lessons and their closure), and lessons that
     * follow their slot (V11: what the service wrote into each lesson, cancel_reason, planned_slot,
     * the runs' counts of changed lessons), and the lesson change events (V12: lesson_event; V13: lesson_event_delivery), and the calendar feeds (V14: calendar_feed,
     * lesson.revision).
     */
    private static final String CONTRACT = """
            table alert
              column attempts integer not null default 0
              column created_at timestamp with time zone not null default now()
              column dedup_key text not null
              column delivered_at timestamp with time zone null
              column event text not null
              column id uuid not null default gen_random_uuid()
              column job_log_id uuid null
              column last_error text null
              column raised_at timestamp with time zone not null
              column status text not null default 'PENDING'::text
              column text text not null
              column updated_at timestamp with time zone not null default now()
              primary key (id)
              unique index (dedup_key)
              index (raised_at DESC)
            table app_user
              column created_at timestamp with time zone not null default now()
              column email text not null
              column id uuid not null default gen_random_uuid()
              column name text not null
              column password_hash text null
              column role text not null
              column updated_at timestamp with time zone not null default now()
              primary key (id)
              unique index (lower(email))
            table calendar_feed
              column created_at timestamp with time zone not null default now()
              column created_by text null
              column id uuid not null default gen_random_uuid()
              column student_id uuid null
              column teacher_id uuid null
              column token_hash bytea not null
              primary key (id)
              foreign key (student_id) references student_profile (id) on delete cascade
              foreign key (teacher_id) references teacher_profile (id) on delete cascade
              unique index (token_hash)
              index (student_id) WHERE (student_id IS NOT NULL)
              index (teacher_id) WHERE (teacher_id IS NOT NULL)
            table job_log
              column created_at timestamp with time zone not null default now()
              column duration_ms bigint null
              column errors text[] not null default '{}'::text[]
              column executed_at timestamp with time zone not null
              column finished_at timestamp with time zone null
              column id uuid not null default gen_random_uuid()
              column job_name text not null
              column lessons_cancelled integer not null default 0
              column lessons_closed integer not null default 0
              column lessons_generated integer not null default 0
              column lessons_held integer not null default 0
              column lessons_updated integer not null default 0
              column slots_processed integer not null default 0
              column status text not null
              column success boolean not null
              column teachers_processed integer not null default 0
              column teachers_total integer null
              column trigger text not null
              column triggered_by text null
              column updated_at timestamp with time zone not null default now()
              column window_end timestamp with time zone null
              column window_start timestamp with time zone null
              primary key (id)
              index (job_name, executed_at DESC)
            table job_log_teacher
              column error text null
              column job_log_id uuid not null
              column lessons_cancelled integer not null default 0
              column lessons_closed integer not null default 0
              column lessons_generated integer not null default 0
              column lessons_held integer not null default 0
              column lessons_updated integer not null default 0
              column slots integer not null
              column teacher_id uuid not null
              column teacher_name text not null
              primary key (job_log_id, teacher_id)
              foreign key (job_log_id) references job_log (id) on delete cascade
            table lesson
              column cancel_reason text null
              column closure_id uuid null
              column created_at timestamp with time zone not null default now()
              column duration_minutes integer not null
              column id uuid not null default gen_random_uuid()
              column is_recurring boolean not null default false
              column occurrence_date date null
              column price integer not null default 0
              column recurring_slot_id uuid null
              column revision integer not null default 0
              column start_at timestamp with time zone not null
              column status text not null default 'SCHEDULED'::text
              column student_id uuid not null
              column teacher_id uuid not null
              column timezone text not null
              column updated_at timestamp with time zone not null default now()
              column written_duration_minutes integer null
              column written_price integer null
              column written_start_at timestamp with time zone null
              column written_status text null
              primary key (id)
              foreign key (closure_id) references studio_closure (id) on delete set null
              foreign key (recurring_slot_id) references recurring_slot (id) on delete set null
              foreign key (student_id) references student_profile (id) on delete cascade
              foreign key (teacher_id) references teacher_profile (id) on delete cascade
              unique index (recurring_slot_id, occurrence_date)
              unique index (teacher_id, student_id, start_at)
              index (closure_id) WHERE (closure_id IS NOT NULL)
              index (start_at)
              index (start_at) WHERE (status = 'SCHEDULED'::text)
              index (student_id, start_at)
              index (teacher_id, start_at)
              index (teacher_id, student_id, start_at) WHERE (cancel_reason = 'SLOT_CHANGED'::text)
            table lesson_change
              column changed_at timestamp with time zone not null default now()
              column xid xid8 not null
              primary key (xid)
            table lesson_event
              column after jsonb not null
              column before jsonb null
              column cause text not null
              column closure_id uuid null
              column id bigint not null default nextval('lesson_event_id_seq'::regclass)
              column job_log_id uuid null
              column kind text not null
              column lesson_id uuid not null
              column occurred_at timestamp with time zone not null default now()
              column student_id uuid not null
              column teacher_id uuid not null
              primary key (id)
              index (occurred_at)
              index (student_id, id)
              index (teacher_id, id)
            table lesson_event_delivery
              column delivered_at timestamp with time zone null
              column failed_at timestamp with time zone null
              column failures integer not null default 0
              column last_delivered_id bigint not null default 0
              column last_error text null
              column name text not null
              primary key (name)
            table login_failure
              column client_address text not null default ''::text
              column created_at timestamp with time zone not null default now()
              column email_hash text not null
              column failed_at timestamp with time zone not null
              column id uuid not null default gen_random_uuid()
              column updated_at timestamp with time zone not null default now()
              primary key (id)
              index (client_address, failed_at)
              index (email_hash, failed_at)
            table planned_slot
              column created_at timestamp with time zone not null default now()
              column day_of_week smallint not null
              column duration_minutes integer not null
              column eligible boolean not null
              column ends_on date null
              column held_lessons uuid[] not null default '{}'::uuid[]
              column interval_weeks smallint not null
              column price integer not null
              column slot_id uuid not null
              column start_time time without time zone not null
              column starts_on date null
              column student_id uuid not null
              column teacher_id uuid not null
              column timezone text not null
              column updated_at timestamp with time zone not null default now()
              primary key (slot_id)
              foreign key (slot_id) references recurring_slot (id) on delete cascade
              index (slot_id) WHERE (held_lessons <> '{}'::uuid[])
            table recurring_slot
              column booked_at timestamp with time zone not null default now()
              column cancelled_at timestamp with time zone null
              column created_at timestamp with time zone not null default now()
              column day_of_week smallint not null
              column duration_minutes integer not null
              column ends_on date null
              column id uuid not null default gen_random_uuid()
              column interval_weeks smallint not null default 1
              column per_lesson_price integer not null default 0
              column start_time time without time zone not null
              column starts_on date null
              column status text not null default 'ACTIVE'::text
              column student_id uuid not null
              column teacher_id uuid not null
              column updated_at timestamp with time zone not null default now()
              primary key (id)
              foreign key (student_id) references student_profile (id) on delete cascade
              foreign key (teacher_id) references teacher_profile (id) on delete cascade
              index (student_id, status)
              index (teacher_id, status)
            table revoked_token
              column expires_at timestamp with time zone not null
              column token_id uuid not null
              primary key (token_id)
            table shedlock
              column lock_until timestamp without time zone not null
              column locked_at timestamp without time zone not null
              column locked_by character varying(255) not null
              column name character varying(64) not null
              primary key (name)
            table slot_change
              column changed_at timestamp with time zone not null default now()
              column xid xid8 not null
              primary key (xid)
            table student_profile
              column created_at timestamp with time zone not null default now()
              column id uuid not null default gen_random_uuid()
              column is_active boolean not null default true
              column teacher_id uuid not null
              column updated_at timestamp with time zone not null default now()
              column user_id uuid not null
              primary key (id)
              foreign key (teacher_id) references teacher_profile (id) on delete cascade
              foreign key (user_id) references app_user (id) on delete cascade
              unique index (user_id)
              index (teacher_id)
            table studio_closure
              column created_at timestamp with time zone not null default now()
              column created_by text null
              column ends_on date not null
              column id uuid not null default gen_random_uuid()
              column kind text not null
              column reason text not null
              column starts_on date not null
              column teacher_id uuid null
              column updated_at timestamp with time zone not null default now()
              primary key (id)
              foreign key (teacher_id) references teacher_profile (id) on delete cascade
              index (ends_on)
              index (teacher_id)
            table teacher_lesson_settings
              column advance_booking_days integer not null default 21
              column allows_30_min boolean not null default true
              column allows_60_min boolean not null default true
              column created_at timestamp with time zone not null default now()
              column price_30_min integer not null
              column price_60_min integer not null
              column teacher_id uuid not null
              column updated_at timestamp with time zone not null default now()
              primary key (teacher_id)
              foreign key (teacher_id) references teacher_profile (id) on delete cascade
            table teacher_profile
              column created_at timestamp with time zone not null default now()
              column id uuid not null default gen_random_uuid()
              column is_active boolean not null default true
              column is_admin boolean not null default false
              column timezone text not null default 'America/Chicago'::text
              column updated_at timestamp with time zone not null default now()
              column user_id uuid not null
              primary key (id)
              foreign key (user_id) references app_user (id) on delete cascade
              unique index (user_id)
            """;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StudioFixtures studio;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void migratedSchemaMatchesTheContract() {
        assertThat(describeSchema()).isEqualTo(CONTRACT);
    }

    @ParameterizedTest(name = "{0}.{1} = {2} is {3}")
    @CsvSource({
        "app_user, role, ADMIN, accepted",
        "app_user, role, TEACHER, accepted",
        "app_user, role, STUDENT, accepted",
        "app_user, role, admin, rejected",
        "app_user, role, OWNER, rejected",
        "recurring_slot, day_of_week, 0, accepted",
        "recurring_slot, day_of_week, 6, accepted",
        "recurring_slot, day_of_week, -1, rejected",
        "recurring_slot, day_of_week, 7, rejected",
        "recurring_slot, duration_minutes, 1, accepted",
        "recurring_slot, duration_minutes, 480, accepted",
        "recurring_slot, duration_minutes, 0, rejected",
        "recurring_slot, duration_minutes, 481, rejected",
        "recurring_slot, status, ACTIVE, accepted",
        "recurring_slot, status, CANCELLED, accepted",
        "recurring_slot, status, SUSPENDED, accepted",
        "recurring_slot, status, EXPIRED, accepted",
        "recurring_slot, status, PAUSED, rejected",
        "lesson, status, SCHEDULED, accepted",
        "lesson, status, COMPLETED, accepted",
        "lesson, status, CANCELLED, accepted",
        "lesson, status, MISSED, accepted",
        "lesson, status, NO_SHOW, accepted",
        "lesson, status, CLOSED, accepted",
        "lesson, status, DONE, rejected",
        "recurring_slot, interval_weeks, 1, accepted",
        "recurring_slot, interval_weeks, 0, rejected",
        "recurring_slot, interval_weeks, 2, rejected",
        "job_log, trigger, SCHEDULE, accepted",
        "job_log, trigger, CRON, accepted",
        "job_log, trigger, MANUAL, accepted",
        "job_log, trigger, STARTUP, accepted",
        "job_log, trigger, API, rejected",
        "job_log, status, PARTIAL, accepted",
        "job_log, status, DONE, rejected",
        "recurring_slot, per_lesson_price, 0, accepted",
        "recurring_slot, per_lesson_price, -1, rejected",
        "lesson, price, 0, accepted",
        "lesson, price, -1, rejected",
    })
    void checkConstraintsAcceptExactlyTheContractValues(String table, String column, String value, String outcome) {
        studio.empty();
        Runnable update = () -> transactions.executeWithoutResult(tx -> {
            insertOneRowOfEachTable();
            jdbc.sql("update " + table + " set " + column + " = ?::" + columnType(table, column))
                    .param(value)
                    .update();
            tx.setRollbackOnly();
        });
        if (outcome.equals("accepted")) {
            update.run();
        } else {
            assertThatThrownBy(update::run).isInstanceOf(DataIntegrityViolationException.class);
        }
    }

    /** The calendar's checks (V5), on a slot and on closures of the one teacher the fixture row has. */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            update recurring_slot set starts_on = '2027-01-04', interval_weeks = 4                       | accepted
            update recurring_slot set starts_on = '2027-01-04', interval_weeks = 5                       | rejected
            update recurring_slot set interval_weeks = 2                                                 | rejected
            update recurring_slot set ends_on = '2027-01-31'                                             | accepted
            update recurring_slot set starts_on = '2027-01-31', ends_on = '2027-01-31'                   | accepted
            update recurring_slot set starts_on = '2027-02-01', ends_on = '2027-01-31'                   | rejected
            insert into studio_closure (kind, starts_on, ends_on, reason) values ('STUDIO_CLOSED', '2027-12-24', '2027-12-24', 'Christmas') | accepted
            insert into studio_closure (kind, starts_on, ends_on, reason) values ('HOLIDAY', '2027-12-24', '2027-12-24', 'Christmas')       | rejected
            insert into studio_closure (kind, starts_on, ends_on, reason) values ('TEACHER_ABSENT', '2027-12-24', '2027-12-24', 'Away')      | rejected
            insert into studio_closure (teacher_id, kind, starts_on, ends_on, reason) select id, 'TEACHER_ABSENT', '2027-12-24', '2027-12-31', 'Away' from teacher_profile | accepted
            insert into studio_closure (kind, starts_on, ends_on, reason) values ('STUDIO_CLOSED', '2027-12-24', '2027-12-23', 'Backwards') | rejected
            insert into studio_closure (kind, starts_on, ends_on, reason) values ('STUDIO_CLOSED', '2027-01-01', '2028-01-01', '366 days')  | accepted
            insert into studio_closure (kind, starts_on, ends_on, reason) values ('STUDIO_CLOSED', '2027-01-01', '2028-01-02', '367 days')  | rejected
            insert into studio_closure (kind, starts_on, ends_on, reason) values ('STUDIO_CLOSED', '2027-12-24', '2027-12-24', '')          | rejected
            insert into studio_closure (kind, starts_on, ends_on, reason) values ('STUDIO_CLOSED', '2027-12-24', '2027-12-24', repeat('x', 200)) | accepted
            insert into studio_closure (kind, starts_on, ends_on, reason) values ('STUDIO_CLOSED', '2027-12-24', '2027-12-24', repeat('x', 201)) | rejected
            """)
    void calendarChecksAcceptExactlyTheContractRows(String statement, String outcome) {
        studio.empty();
        Runnable update = () -> transactions.executeWithoutResult(tx -> {
            insertOneRowOfEachTable();
            jdbc.sql(statement).update();
            tx.setRollbackOnly();
        });
        if (outcome.equals("accepted")) {
            update.run();
        } else {
            assertThatThrownBy(update::run).isInstanceOf(DataIntegrityViolationException.class);
        }
    }

    /**
     * A run's teacher rows (V6, V11): counts that cannot be negative; an error may stand beside the
     * lessons written (a lesson that cannot follow its slot does not stop the teacher's others).
     */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            3, 36, 2, 0, 0, 0, null                  | accepted
            1, 0, 0, 0, 0, 0, 'unknown time zone'    | accepted
            1, 12, 0, 1, 0, 0, 'cannot move'         | accepted
            -1, 0, 0, 0, 0, 0, null                  | rejected
            1, 5, 6, 0, 0, 0, null                   | rejected
            1, -1, 0, 0, 0, 0, null                  | rejected
            1, 0, 0, -1, 0, 0, null                  | rejected
            1, 0, 0, 0, -1, 0, null                  | rejected
            1, 0, 0, 0, 0, -1, null                  | rejected
            """)
    void teacherRowsAcceptExactlyTheContractRows(String values, String outcome) {
        Runnable insert = () -> transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    with run as (insert into job_log (job_name, trigger, status, success, executed_at)
                                 values ('generate-future-lessons', 'MANUAL', 'SUCCESS', true, now()) returning id)
                    insert into job_log_teacher (job_log_id, teacher_id, teacher_name, slots, lessons_generated,
                                                 lessons_closed, lessons_updated, lessons_cancelled, lessons_held,
                                                 error)
                    select id, gen_random_uuid(), 'Ann', %s from run
                    """.formatted(values)).update();
            tx.setRollbackOnly();
        });
        if (outcome.equals("accepted")) {
            insert.run();
        } else {
            assertThatThrownBy(insert::run).isInstanceOf(DataIntegrityViolationException.class);
        }
    }

    @Test
    void successIsTrueExactlyForSuccessfulRuns() {
        assertThatThrownBy(() ->
                        transactions.executeWithoutResult(tx -> jdbc.sql("""
                        insert into job_log (job_name, trigger, status, success, executed_at)
                        values ('generate-future-lessons', 'MANUAL', 'FAILED', true, now())
                        """).update()))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void updatedAtFollowsEveryUpdateWhoeverWrites() {
        studio.empty();
        transactions.executeWithoutResult(tx -> insertOneRowOfEachTable());
        try {
            jdbc.sql("update app_user set name = 'Renamed' where email = 't@example.com'")
                    .update();
            Map<String, Boolean> touched = jdbc
                    .sql("select email, updated_at > created_at from app_user")
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
                    .list()
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(touched)
                    .containsExactlyInAnyOrderEntriesOf(Map.of("t@example.com", true, "s@example.com", false));
        } finally {
            studio.empty();
        }
    }

    private void insertOneRowOfEachTable() {
        jdbc.sql("""
                with admin as (insert into app_user (email, name, role) values ('t@example.com', 'T', 'TEACHER') returning id),
                     pupil as (insert into app_user (email, name, role) values ('s@example.com', 'S', 'STUDENT') returning id),
                     teacher as (insert into teacher_profile (user_id) select id from admin returning id),
                     student as (insert into student_profile (user_id, teacher_id)
                                 select pupil.id, teacher.id from pupil, teacher returning id, teacher_id),
                     slot as (insert into recurring_slot (teacher_id, student_id, day_of_week, start_time, duration_minutes)
                              select teacher_id, id, 2, '17:30', 30 from student returning id, teacher_id, student_id)
                insert into lesson (teacher_id, student_id, recurring_slot_id, occurrence_date, start_at, duration_minutes, timezone)
                select teacher_id, student_id, id, date '2027-01-05', timestamptz '2027-01-05 23:30Z', 30, 'America/Chicago' from slot
                """).update();
        jdbc.sql("""
                insert into job_log (job_name, trigger, status, success, executed_at)
                values ('generate-future-lessons', 'MANUAL', 'RUNNING', false, now())
                """).update();
    }

    private String columnType(String table, String column) {
        return jdbc.sql("""
                select format_type(a.atttypid, a.atttypmod) from pg_attribute a
                where a.attrelid = ?::regclass and a.attname = ?
                """).params(table, column).query(String.class).single();
    }

    private String describeSchema() {
        Map<String, StringBuilder> tables = new TreeMap<>();
        jdbc.sql("""
                select c.relname as table_name,
                       a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                         || case when a.attnotnull then ' not null' else ' null' end
                         || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') as line
                from pg_class c
                join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
                join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
                where c.relkind = 'r' and c.relname <> 'flyway_schema_history'
                order by c.relname, a.attname
                """)
                .query((rs, n) -> Map.entry(rs.getString("table_name"), "  column " + rs.getString("line")))
                .list()
                .forEach(line -> append(tables, line));
        appendConstraints(tables);
        appendIndexes(tables);
        return tables.entrySet().stream()
                .map(table -> "table " + table.getKey() + "\n" + table.getValue())
                .collect(Collectors.joining());
    }

    private void appendConstraints(Map<String, StringBuilder> tables) {
        jdbc.sql("""
                select c.relname as table_name,
                       case k.contype
                         when 'p' then 'primary key ' || substring(pg_get_constraintdef(k.oid) from '\\(.*\\)')
                         else 'foreign key ' || substring(pg_get_constraintdef(k.oid) from '^FOREIGN KEY (\\(.*?\\))')
                              || ' references ' || r.relname || ' ' || substring(pg_get_constraintdef(k.oid) from 'REFERENCES \\w+(\\(.*?\\))')
                              || case k.confdeltype when 'c' then ' on delete cascade' when 'n' then ' on delete set null'
                                                    when 'r' then ' on delete restrict' else ' on delete no action' end
                       end as line
                from pg_constraint k
                join pg_class c on c.oid = k.conrelid
                join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
                left join pg_class r on r.oid = k.confrelid
                where k.contype in ('p', 'f') and c.relname <> 'flyway_schema_history'
                order by c.relname, k.contype desc, line
                """)
                .query((rs, n) -> Map.entry(rs.getString("table_name"), "  " + rs.getString("line")))
                .list()
                .forEach(line -> append(tables, line));
    }

    private void appendIndexes(Map<String, StringBuilder> tables) {
        List<Map.Entry<String, String>> lines = jdbc.sql("""
                select c.relname as table_name,
                       case when i.indisunique then 'unique index ' else 'index ' end
                         || substring(pg_get_indexdef(i.indexrelid) from 'USING \\w+ (\\(.*\\))$') as line
                from pg_index i
                join pg_class c on c.oid = i.indrelid
                join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
                where not i.indisprimary and c.relname <> 'flyway_schema_history'
                order by c.relname, i.indisunique desc, line
                """)
                .query((rs, n) -> Map.entry(rs.getString("table_name"), "  " + rs.getString("line")))
                .list();
        lines.forEach(line -> append(tables, line));
    }

    private static void append(Map<String, StringBuilder> tables, Map.Entry<String, String> line) {
        tables.computeIfAbsent(line.getKey(), table -> new StringBuilder())
                .append(line.getValue())
                .append('\n');
    }
}
