-- Scheduled lessons by start time, for the health indicators and the admin page's weekly chart:
-- counting the next weeks' lessons becomes an index-only scan. Built concurrently, so the studio's
-- main app can keep writing lessons meanwhile (Flyway runs this script outside a transaction).
create index concurrently if not exists lesson_scheduled_start_at_idx on lesson (start_at) where status = 'SCHEDULED';
