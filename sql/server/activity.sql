-- The Server tab's refresh, one round trip: this database's counters with the server's clock and what the role may
-- see, then every client session of the database but the reader's own. pg_blocking_pids is called only for
-- sessions waiting on a lock (it is not free); the lock waited for and the table it is about come from pg_locks.
SELECT clock_timestamp() AS taken_at,
       d.xact_commit, d.xact_rollback, d.tup_returned, d.tup_fetched, d.tup_inserted, d.tup_updated, d.tup_deleted,
       d.blks_read, d.blks_hit, d.stats_reset,
       current_user AS role_name,
       (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user)
           OR pg_has_role(current_user, 'pg_read_all_stats', 'USAGE') AS sees_all_queries,
       (SELECT count(*) FROM pg_stat_activity x
        WHERE x.backend_type = 'client backend' OR (x.backend_type IS NULL AND x.usesysid IS NOT NULL AND x.datid IS NOT NULL))
           AS server_sessions,
       current_setting('max_connections')::int AS max_connections
FROM pg_stat_database d
WHERE d.datname = current_database();

SELECT a.pid, a.application_name, a.usename, host(a.client_addr) AS client, a.state, a.wait_event_type, a.wait_event,
       a.backend_start, a.xact_start, a.query_start, a.state_change, a.query,
       CASE WHEN a.wait_event_type = 'Lock' THEN pg_blocking_pids(a.pid) END AS blocked_by,
       w.mode AS lock_mode, w.locktype AS lock_type,
       coalesce(w.relation, t.relation)::regclass::text AS lock_relation,
       a.usename = current_user AS own
FROM pg_stat_activity a
-- the condition on a inside each subquery makes it a one-time filter: pg_locks is read only for waiting sessions
LEFT JOIN LATERAL (SELECT l.mode, l.locktype, l.relation FROM pg_locks l
                   WHERE a.wait_event_type = 'Lock' AND l.pid = a.pid AND NOT l.granted LIMIT 1) w ON true
LEFT JOIN LATERAL (SELECT l.relation FROM pg_locks l
                   WHERE a.wait_event_type = 'Lock' AND l.pid = a.pid AND l.locktype = 'tuple' LIMIT 1) t ON true
-- another role's session shows no backend type (nor state or query) without pg_read_all_stats, but has a user
WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()
  AND (a.backend_type = 'client backend' OR (a.backend_type IS NULL AND a.usesysid IS NOT NULL))
ORDER BY a.pid
