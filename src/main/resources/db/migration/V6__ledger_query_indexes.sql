-- Indexes for the ledger API, chosen from the benchmark at 100,000 problems (README, Benchmark).

-- the default list order, newest registration first
create index problem_registered_idx on problem (registered_at desc nulls last, id desc);
-- overdue: open problems whose deadline has passed
create index problem_status_deadline_idx on problem (status, deadline);
-- department rates read only these columns
create index problem_rates_idx on problem (department_id, status, registered_at, deadline, closed_at);
