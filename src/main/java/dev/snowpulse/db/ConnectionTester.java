package dev.snowpulse.db;

import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.secret.Secret;
import dev.snowpulse.profile.SnowflakeSettings;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens one connection, asks the server its version, times a few round trips and reports whether TLS is in use.
 * Blocking: call it off the FX thread. The whole test is bounded by the timeout, whatever the driver does.
 */
public final class ConnectionTester {

    private static final int ROUND_TRIPS = 5;

    private final SnowflakeDriver snowflakeDriver;

    public ConnectionTester(SnowflakeDriver snowflakeDriver) {
        this.snowflakeDriver = snowflakeDriver;
    }

    /** A tester for Postgres profiles, and for Snowflake ones where snowflake-jdbc is on the class path. */
    public ConnectionTester() {
        this(SnowflakeDriver.classPath());
    }

    public ConnectionCheck test(PostgresSettings pg, Optional<Secret> password, Duration timeout) {
        JdbcTarget target = PostgresTargets.of(pg, password, timeout);
        return bounded(target, timeout, () -> {
            try (Connection c = PostgresDriver.connect(target);
                 Statement s = c.createStatement()) {
                s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
                String version = "PostgreSQL " + single(s, "show server_version").split(" ")[0];
                boolean tls;
                try (ResultSet rs = s.executeQuery("select coalesce((select ssl from pg_stat_ssl where pid = pg_backend_pid()), false)")) {
                    tls = rs.next() && rs.getBoolean(1);
                }
                ConnectionCheck check = ConnectionCheck.success(version, medianRoundTrip(s), tls, target.displayName());
                return poolerHint(pg).map(check::withHint).orElse(check);
            }
        }, failure -> ConnectionProblems.explain(pg, failure));
    }

    /** Where the port says a pooler is likely and the profile does not say so: the setting to check. */
    static Optional<String> poolerHint(PostgresSettings pg) {
        if (pg.transactionPooled() || pg.pooler() == dev.snowpulse.profile.Pooler.SESSION) {
            return Optional.empty();
        }
        String whose = pg.port() == dev.snowpulse.profile.Pooler.SNOWFLAKE_POOLER_PORT ? "Snowflake Postgres's pooler port"
                : pg.port() == dev.snowpulse.profile.Pooler.PGBOUNCER_PORT ? "PgBouncer's usual port" : null;
        return whose == null ? Optional.empty() : Optional.of("Port " + pg.port() + " is " + whose + ": if it pools by transaction, "
                + "tick \"Through a transaction-mode pooler\" (CLI: --pooler transaction), or workers will fail with SQLSTATE 42P05");
    }

    public ConnectionCheck test(SnowflakeSettings sf, Optional<Secret> secret, Duration timeout) {
        JdbcTarget target = SnowflakeTargets.of(sf, secret, timeout);
        return bounded(target, timeout, () -> {
            try (Connection c = snowflakeDriver.connect(target);
                 Statement s = c.createStatement()) {
                String version = "Snowflake " + single(s, "select current_version()");
                boolean tls = !"off".equals(target.properties().getProperty("ssl"));
                return ConnectionCheck.success(version, medianRoundTrip(s), tls, target.displayName());
            }
        }, failure -> ConnectionProblems.explain(sf, failure));
    }

    private interface Probe {
        ConnectionCheck run() throws SQLException;
    }

    private static ConnectionCheck bounded(JdbcTarget target, Duration timeout, Probe probe,
                                           java.util.function.Function<Throwable, String> explain) {
        CompletableFuture<ConnectionCheck> result = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("connection-test").start(() -> {
            try {
                result.complete(probe.run());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(timeout.toMillis() + 2_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            return ConnectionCheck.failure(target.displayName(), target.displayName() + " did not answer within "
                    + timeout.toSeconds() + " s: check the host, the port and that a network policy allows your IP");
        } catch (ExecutionException e) {
            return ConnectionCheck.failure(target.displayName(), explain.apply(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.interrupt();
            return ConnectionCheck.failure(target.displayName(), "connection test cancelled");
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Duration medianRoundTrip(Statement s) throws SQLException {
        long[] samples = new long[ROUND_TRIPS];
        for (int i = 0; i < ROUND_TRIPS; i++) {
            long start = System.nanoTime();
            single(s, "select 1");
            samples[i] = System.nanoTime() - start;
        }
        Arrays.sort(samples);
        return Duration.ofNanos(samples[ROUND_TRIPS / 2]);
    }
}
