-- The statements pg_stat_statements has seen in this database since its last reset (top-level only, as pgbench's
-- and the workload's calls are), their cumulative counters. The view keeps one entry per user as well: the sum
-- over users makes one row per queryid, which is what the Server tab subtracts two reads of. No limit here: a
-- statement's rank by cumulative time says nothing of its rank over the last minute. {schema} is the extension's
-- schema, quoted, so the read does not depend on the search path.
SELECT s.queryid, min(s.query) AS query, sum(s.calls)::bigint AS calls, sum(s.total_exec_time) AS total_exec_time,
       sum(s.rows)::bigint AS rows, sum(s.shared_blks_hit)::bigint AS shared_blks_hit,
       sum(s.shared_blks_read)::bigint AS shared_blks_read,
       (SELECT i.stats_reset FROM {schema}.pg_stat_statements_info i) AS stats_reset
FROM {schema}.pg_stat_statements s
JOIN pg_database d ON d.oid = s.dbid
WHERE d.datname = current_database() AND s.toplevel AND s.queryid IS NOT NULL
GROUP BY s.queryid
ORDER BY total_exec_time DESC
