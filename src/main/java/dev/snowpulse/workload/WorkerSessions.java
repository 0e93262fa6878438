package dev.snowpulse.workload;

import dev.snowpulse.db.Jdbc;
import dev.snowpulse.db.PostgresEndpoint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Every worker's session, opened before a run's clock starts, as pgbench connects its clients first: in parallel
 * (at most {@link #PARALLEL_CONNECTS} at a time, so a remote server's authentication is not stormed), timed apart.
 * When the server refuses a session, the ones already open are closed and the refusal names what to change.
 */
final class WorkerSessions {

    static final int PARALLEL_CONNECTS = 16;

    record Opened(List<Connection> sessions, Duration took) {
    }

    private WorkerSessions() {
    }

    static Opened open(PostgresEndpoint endpoint, String applicationName, int count) throws SQLException {
        long began = System.nanoTime();
        List<Connection> opened = Collections.synchronizedList(new ArrayList<>());
        SQLException failure = null;
        try (ExecutorService connectors = Executors.newFixedThreadPool(Math.min(PARALLEL_CONNECTS, count),
                Thread.ofPlatform().name("workload-connect-", 0).daemon().factory())) {
            List<Future<Connection>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                pending.add(connectors.submit(() -> {
                    Connection c = endpoint.connect(applicationName);
                    opened.add(c);
                    return c;
                }));
            }
            for (int i = 0; i < pending.size(); i++) {
                try {
                    pending.get(i).get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new SQLException("interrupted while opening the workers' sessions", e);
                    break;
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        if (failure == null) {
            return new Opened(List.copyOf(opened), took);
        }
        String message = "53300".equals(failure.getSQLState())
                ? tooMany(opened, count, failure)
                : null;
        opened.forEach(Jdbc::closeQuietly);
        if (message != null) {
            throw new WorkloadRefused(message, failure);
        }
        throw failure;
    }

    private static String tooMany(List<Connection> opened, int count, SQLException refusal) {
        // the server's own words (a DatabaseUnreachable's message is already the explanation)
        SQLException server = refusal instanceof dev.snowpulse.db.DatabaseUnreachable && refusal.getCause() instanceof SQLException cause
                ? cause : refusal;
        String said = server.getMessage() == null ? "" : server.getMessage();
        if (said.contains("for role")) {
            return "the server refused more sessions after " + opened.size() + " of the " + count + " workers' were open: "
                    + "the user's own connection limit is reached. Run with fewer workers, or raise it (ALTER ROLE ... CONNECTION LIMIT n)";
        }
        if (said.contains("for database")) {
            return "the server refused more sessions after " + opened.size() + " of the " + count + " workers' were open: "
                    + "the database's connection limit is reached. Run with fewer workers, or raise it (ALTER DATABASE ... CONNECTION LIMIT n)";
        }
        String limit = opened.isEmpty() ? null : setting(opened.getFirst(), "max_connections");
        String reserved = opened.isEmpty() ? null : setting(opened.getFirst(), "superuser_reserved_connections");
        return "the server refused more sessions after " + opened.size() + " of the " + count + " workers' were open: "
                + "too many connections (max_connections" + (limit == null ? "" : " = " + limit)
                + (reserved == null ? "" : ", " + reserved + " kept for superusers") + ", shared with every other client). "
                + "Run with fewer workers, or raise max_connections on the server (behind PgBouncer: max_client_conn)";
    }

    private static String setting(Connection c, String name) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + name)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }
}
