-- The Server tab's refresh, one round trip: this database's counters with the server's clock and what the role may
-- see, then every client session of the database but the reader's own. Whether a session waits on a lock comes
-- from pg_locks, which every role may read (pg_stat_activity hides another role's wait event without
-- pg_read_all_stats); pg_locks is read once, and pg_blocking_pids (not free) is called only for waiting sessions.
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

WITH locks AS MATERIALIZED (
    -- a lock not granted is what a session waits on; a tuple lock names the row's table when the wait is on a
    -- transaction id (the waiter holds the tuple lock while it waits for the row's writer to end)
    SELECT l.pid, l.mode, l.locktype, l.relation, l.granted FROM pg_locks l WHERE NOT l.granted OR l.locktype = 'tuple'
), waiting AS (
    SELECT DISTINCT ON (w.pid) w.pid, w.mode, w.locktype, coalesce(w.relation, t.relation) AS relation
    FROM locks w LEFT JOIN locks t ON t.pid = w.pid AND t.locktype = 'tuple'
    WHERE NOT w.granted
    ORDER BY w.pid
)
SELECT a.pid, a.application_name, a.usename, host(a.client_addr) AS client, a.state, a.wait_event_type, a.wait_event,
       a.backend_start, a.xact_start, a.query_start, a.state_change, a.query,
       CASE WHEN w.pid IS NOT NULL THEN pg_blocking_pids(a.pid) END AS blocked_by,
       w.mode AS lock_mode, w.locktype AS lock_type, w.relation::regclass::text AS lock_relation,
       a.usename = current_user AS own
FROM pg_stat_activity a
LEFT JOIN waiting w ON w.pid = a.pid
-- another role's session shows no backend type (nor state or query) without pg_read_all_stats, but has a user
WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()
  AND (a.backend_type = 'client backend' OR (a.backend_type IS NULL AND a.usesysid IS NOT NULL))
ORDER BY a.pid
