-- One row per SnowPulse workload run: what it was asked to do, when, and how its orders ended.
-- application_name is what the run's sessions show in pg_stat_activity.

create table if not exists workload_runs (
    run_id            uuid primary key,
    application_name  text not null,
    started_at        timestamptz not null,
    ended_at          timestamptz,
    status            text not null check (status in ('running', 'completed', 'cancelled', 'failed')),
    spec              jsonb not null,
    ok                bigint not null default 0,
    out_of_stock      bigint not null default 0,
    invalid_input     bigint not null default 0,
    connection_lost   bigint not null default 0,
    other_sql_errors  bigint not null default 0,
    other_by_sqlstate jsonb not null default '{}',
    warm_up_orders    bigint not null default 0,
    orders_per_second numeric,
    latency_p50_ms    numeric,
    latency_p95_ms    numeric,
    latency_p99_ms    numeric
);

create index if not exists idx_workload_runs_started_at on workload_runs (started_at desc);
