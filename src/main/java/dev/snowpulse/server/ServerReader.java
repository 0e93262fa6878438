package dev.snowpulse.server;

import dev.snowpulse.server.pooler.PoolerWatch;

import dev.snowpulse.app.ClasspathText;
import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.db.ReadSession;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an {@link ActivitySnapshot}: the counters and the sessions in one round trip ({@code sql/server/activity.sql}),
 * and pg_stat_statements in a second one where the role can read it, on one connection kept between refreshes.
 * Only what an ordinary role may read: no superuser-only function. One reader serves one poller at a time.
 */
public final class ServerReader implements AutoCloseable {

    /** The application name of the Server tab's and {@code snowpulse top}'s own session, left out of what they show. */
    public static final String APPLICATION = "snowpulse-server";

    static final String ACTIVITY = ClasspathText.read("sql/server/activity.sql");
    static final String STATEMENTS = ClasspathText.read("sql/server/statements.sql");

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    // how often a connection asks again whether pg_stat_statements has become readable (it was created meanwhile)
    private static final Duration STATEMENTS_RECHECK = Duration.ofSeconds(30);

    private final ReadSession session;
    private PreparedStatement activity;
    // checked when the connection opens, and again now and then while it says why not
    private StatementsAvailability.Source statements;
    private long statementsCheckedAt;

    private final boolean withStatements;
    private final PoolerWatch pooler;

    public ServerReader(PostgresEndpoint endpoint) {
        this(endpoint, true);
    }

    private ServerReader(PostgresEndpoint endpoint, boolean withStatements) {
        this.session = new ReadSession(endpoint, APPLICATION, this::prepare);
        this.withStatements = withStatements;
        this.pooler = new PoolerWatch(endpoint);
    }

    /**
     * A reader of the counters and sessions alone, in one round trip to the database (the Workload tab's strip), and
     * through a pooler its console's counts on a connection of their own.
     */
    public static ServerReader activityOnly(PostgresEndpoint endpoint) {
        return new ServerReader(endpoint, false);
    }

    private void prepare(Connection c) throws SQLException {
        activity = c.prepareStatement(ACTIVITY);
        if (withStatements) {
            checkStatements(c);
        } else {
            statements = new StatementsAvailability.Source(null, "not read by this reader");
        }
    }

    private void checkStatements(Connection c) throws SQLException {
        statements = StatementsAvailability.check(c, STATEMENTS);
        statementsCheckedAt = System.nanoTime();
    }

    /** The database's activity, then (through a pooler) the pooler's own counts where its console can be read. */
    public ActivitySnapshot read(Duration timeout) throws SQLException {
        ActivitySnapshot snapshot = session.read(timeout, this::readOnce);
        return snapshot.withPooler(pooler.read(timeout));
    }

    private ActivitySnapshot readOnce(Connection c) throws SQLException {
        long start = System.nanoTime();
        activity.execute();
        Instant takenAt;
        DatabaseCounters counters;
        String role;
        boolean seesAll;
        long serverSessions;
        int maxConnections;
        try (ResultSet rs = activity.getResultSet()) {
            if (!rs.next()) {
                throw new SQLException("pg_stat_database has no row for this database");
            }
            takenAt = rs.getTimestamp("taken_at").toInstant();
            counters = new DatabaseCounters(rs.getLong("xact_commit"), rs.getLong("xact_rollback"), rs.getLong("tup_returned"),
                    rs.getLong("tup_fetched"), rs.getLong("tup_inserted"), rs.getLong("tup_updated"), rs.getLong("tup_deleted"),
                    rs.getLong("blks_read"), rs.getLong("blks_hit"));
            role = rs.getString("role_name");
            seesAll = rs.getBoolean("sees_all_queries");
            serverSessions = rs.getLong("server_sessions");
            maxConnections = rs.getInt("max_connections");
        }
        if (!activity.getMoreResults()) {
            throw new SQLException("the activity read returned no sessions result");
        }
        List<BackendSession> sessions = new ArrayList<>();
        try (ResultSet rs = activity.getResultSet()) {
            while (rs.next()) {
                sessions.add(session(rs));
            }
        }
        if (withStatements && statements.query() == null && System.nanoTime() - statementsCheckedAt > STATEMENTS_RECHECK.toNanos()) {
            checkStatements(c);
        }
        ActivitySnapshot.Statements read = statements.query() == null
                ? ActivitySnapshot.Statements.missing(statements.unavailable()) : statements(c, statements.query());
        return new ActivitySnapshot(takenAt, Duration.ofNanos(System.nanoTime() - start), counters, sessions, read, role,
                seesAll, serverSessions, maxConnections, null);
    }

    /**
     * Signals {@code target}; false when it is gone. The session is found by pid and start time, so a pid the server
     * has given to a new session since the read is left alone (where the start time is hidden from this role, by
     * pid alone). A role may signal its own sessions, or others' as a member of pg_signal_backend; the server's
     * refusal (42501) is thrown with that said.
     */
    public boolean signal(BackendSession target, BackendSignal signal, Duration timeout) throws SQLException {
        try {
            return session.read(timeout, c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT " + signal.function() + "(a.pid) FROM pg_stat_activity a "
                        + "WHERE a.pid = ? AND a.backend_start IS NOT DISTINCT FROM ?")) {
                    s.setInt(1, target.pid());
                    s.setObject(2, target.backendStart() == null ? null
                            : java.time.OffsetDateTime.ofInstant(target.backendStart(), java.time.ZoneOffset.UTC));
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next() && rs.getBoolean(1);
                    }
                }
            });
        } catch (SQLException e) {
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                throw new SQLException(e.getMessage() + " (a role may signal its own sessions; other roles' need membership in "
                        + "pg_signal_backend, and a superuser's only a superuser)", e.getSQLState(), e);
            }
            throw e;
        }
    }

    private static BackendSession session(ResultSet rs) throws SQLException {
        String query = rs.getString("query");
        // pg_stat_activity's word for a query the role may not read
        if (query != null && query.equals("<insufficient privilege>")) {
            query = null;
        }
        Array blocked = rs.getArray("blocked_by");
        List<Integer> blockedBy = blocked == null ? List.of() : Arrays.stream((Integer[]) blocked.getArray()).toList();
        return new BackendSession(rs.getInt("pid"), rs.getString("application_name"), rs.getString("usename"),
                rs.getString("client"), rs.getString("state"), rs.getString("wait_event_type"), rs.getString("wait_event"),
                instant(rs.getTimestamp("backend_start")), instant(rs.getTimestamp("xact_start")),
                instant(rs.getTimestamp("query_start")), instant(rs.getTimestamp("state_change")), query, blockedBy,
                rs.getString("lock_mode"), rs.getString("lock_type"), rs.getString("lock_relation"), rs.getBoolean("own"));
    }

    /**
     * pg_stat_statements, or why it could not be read this time (dropped, reset under a lock, timed out): the
     * sessions and counters read before it are shown either way, and the next read tries again.
     */
    private static ActivitySnapshot.Statements statements(Connection c, String query) throws SQLException {
        List<StatementStats> rows = new ArrayList<>();
        Instant reset = null;
        Savepoint savepoint = c.getAutoCommit() ? null : c.setSavepoint();
        try (PreparedStatement s = c.prepareStatement(query); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new StatementStats(rs.getLong("queryid"), rs.getString("query"), rs.getLong("calls"),
                        rs.getDouble("total_exec_time"), rs.getLong("rows"), rs.getLong("shared_blks_hit"),
                        rs.getLong("shared_blks_read")));
                reset = instant(rs.getTimestamp("stats_reset"));
            }
        } catch (SQLException e) {
            if (isConnectionLost(e)) {
                throw e;
            }
            if (savepoint != null) {
                c.rollback(savepoint);
            }
            return ActivitySnapshot.Statements.missing(StatementsAvailability.unreadable(e));
        }
        return new ActivitySnapshot.Statements(rows, reset, null);
    }

    // SQLSTATE class 08: the connection is gone, and the whole read fails so the next one reconnects
    private static boolean isConnectionLost(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    @Override
    public void close() {
        session.close();
        pooler.close();
        activity = null;
    }
}
