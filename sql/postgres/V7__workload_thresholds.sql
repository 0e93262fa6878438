-- A run may be judged against thresholds (p95<20ms, errors<1%, rate>=500): threshold_checks keeps each one as
-- written with the value observed and whether it held, thresholds_passed whether all did (null: none were set).

alter table workload_runs add column if not exists threshold_checks jsonb;
alter table workload_runs add column if not exists thresholds_passed boolean;
