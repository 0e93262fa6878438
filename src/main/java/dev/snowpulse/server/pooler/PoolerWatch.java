package dev.snowpulse.server.pooler;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.profile.Pooler;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The pooler's own counts for a poller (the Server tab, {@code snowpulse top}), read from its console on a connection
 * kept between reads. A console that refuses the role is asked again only now and then, so a managed pooler
 * (Snowflake Postgres offers no console to users) is not sent a refused login every second.
 */
public final class PoolerWatch implements AutoCloseable {

    static final Duration REFUSED_RECHECK = Duration.ofSeconds(60);
    // a console that could not be reached (TLS, a timeout, a closed connection) is tried again after this, not every read
    static final Duration UNREACHABLE_RECHECK = Duration.ofSeconds(10);

    private final PostgresEndpoint endpoint;
    private PgBouncerConsole console;
    private String refused;
    private long refusedAt;
    private String unreachable;
    private long unreachableAt;

    public PoolerWatch(PostgresEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Never throws: what stops the read is said in the view, and the next read tries again. */
    public PoolerView read(Duration timeout) {
        Pooler mode = endpoint.settings().pooler();
        if (mode == Pooler.NONE) {
            return PoolerView.none();
        }
        if (refused != null && System.nanoTime() - refusedAt < REFUSED_RECHECK.toNanos()) {
            return PoolerView.unavailable(mode, refused);
        }
        if (unreachable != null && System.nanoTime() - unreachableAt < UNREACHABLE_RECHECK.toNanos()) {
            return PoolerView.unavailable(mode, unreachable);
        }
        try {
            if (console == null) {
                console = PgBouncerConsole.open(endpoint.settings(), endpoint.password(), timeout);
            }
            List<Map<String, String>> pools = console.show("POOLS");
            List<Map<String, String>> databases = console.show("DATABASES");
            refused = null;
            unreachable = null;
            return PoolerView.of(mode, PoolCounts.of(endpoint.settings().database(), pools, databases));
        } catch (ConsoleRefusal e) {
            close();
            refused = refusal(e);
            refusedAt = System.nanoTime();
            return PoolerView.unavailable(mode, refused);
        } catch (IOException | RuntimeException e) {
            close();
            unreachable = "its console could not be read (" + e.getMessage() + "; asked again within "
                    + UNREACHABLE_RECHECK.toSeconds() + " s)";
            unreachableAt = System.nanoTime();
            return PoolerView.unavailable(mode, unreachable);
        }
    }

    private String refusal(ConsoleRefusal e) {
        String user = endpoint.settings().user();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("not allowed") || message.contains("admin access") || message.contains("no such database")) {
            return "PgBouncer's console (database " + PgBouncerConsole.DATABASE + ") refused " + user + " (\"" + message
                    + "\"); it shows SHOW POOLS to the roles in stats_users or admin_users of pgbouncer.ini (Snowflake "
                    + "Postgres offers it to no user)";
        }
        return "PgBouncer's console refused the login (" + message + (e.sqlState().isEmpty() ? "" : ", SQLSTATE " + e.sqlState()) + ")";
    }

    @Override
    public void close() {
        if (console != null) {
            console.close();
            console = null;
        }
    }
}
