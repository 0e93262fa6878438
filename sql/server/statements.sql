-- The statements pg_stat_statements has seen in this database since its last reset (top-level only, as pgbench's
-- and the workload's calls are), their cumulative counters; the Server tab turns two reads into a delta.
SELECT s.queryid, s.query, s.calls, s.total_exec_time, s.rows, s.shared_blks_hit, s.shared_blks_read,
       (SELECT i.stats_reset FROM pg_stat_statements_info i) AS stats_reset
FROM pg_stat_statements s
JOIN pg_database d ON d.oid = s.dbid
WHERE d.datname = current_database() AND s.toplevel AND s.queryid IS NOT NULL
ORDER BY s.total_exec_time DESC
LIMIT 500
