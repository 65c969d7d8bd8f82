-- 合并重复件: a duplicate report is merged into the open problem it repeats and counts once from then on.

alter table problem add column merged_into bigint references problem (id);

-- the reports merged into a problem, for its detail page
create index problem_merged_into_idx on problem (merged_into);
-- duplicate candidates: open problems reported within the window
create index problem_status_reported_idx on problem (status, reported_at);
