-- Every due order ends in one outcome: not_sent counts the orders whose time came while their worker had no
-- connection and could not get one. connect_ms is how long opening every worker's session took before the run's
-- clock started (pgbench's "initial connection time"); failure says why a run ended as 'failed'.

alter table workload_runs add column if not exists not_sent bigint not null default 0;
alter table workload_runs add column if not exists connect_ms numeric;
alter table workload_runs add column if not exists failure text;
