-- The duplicate search reads the newest open problems (status REPORTED or REGISTERED) first and stops at 200. With
-- only (status, reported_at) the database merged both statuses and sorted every open problem of the window for each
-- new report, which grew with a backlog of unregistered reports. Read backwards, this index yields the newest first.
create index problem_reported_idx on problem (reported_at, id);
