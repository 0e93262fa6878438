-- Each run second by second (successful and failed transactions that ended in it, latency percentiles of the
-- successful ones), so that runs can be compared on one time axis after the app or the CLI has ended.

create table if not exists workload_run_seconds (
    run_id uuid not null references workload_runs (run_id) on delete cascade,
    second integer not null check (second >= 1),
    ok     bigint not null,
    failed bigint not null,
    p50_ms numeric,
    p95_ms numeric,
    p99_ms numeric,
    primary key (run_id, second)
);
