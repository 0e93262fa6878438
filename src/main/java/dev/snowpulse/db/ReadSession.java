package dev.snowpulse.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * One connection kept between the reads of a poller (the KPIs, the Server tab), each read under a statement timeout,
 * so a database that stops answering fails the read instead of hanging it. After a failure the connection is
 * dropped and the next read connects again. Through a transaction-mode pooler every read is one transaction with a
 * transaction-local timeout, since a session setting would land on whichever server connection ran it.
 */
public final class ReadSession implements AutoCloseable {

    /** What a read does with the connection. */
    public interface Read<T> {
        T on(Connection connection) throws SQLException;
    }

    /** What is prepared once per connection (statements kept between reads). */
    public interface Setup {
        void on(Connection connection) throws SQLException;
    }

    // how much longer than the statement timeout a reply may take before the connection counts as lost
    static final Duration NETWORK_GRACE = Duration.ofSeconds(5);

    private final PostgresEndpoint endpoint;
    private final String applicationName;
    private final Setup setup;
    private Connection connection;
    private Duration timeoutSet;

    public ReadSession(PostgresEndpoint endpoint, String applicationName, Setup setup) {
        this.endpoint = endpoint;
        this.applicationName = applicationName;
        this.setup = setup;
    }

    public PostgresEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Runs {@code read} under {@code timeout}; a failure closes the connection and is thrown as it came. The timeout
     * covers the per-connection setup too, and a network timeout a little longer than it covers a server that stops
     * answering at all (a statement timeout needs a server to enforce it).
     */
    public <T> T read(Duration timeout, Read<T> read) throws SQLException {
        try {
            boolean fresh = connection == null;
            if (fresh) {
                connection = endpoint.connect(applicationName);
                connection.setAutoCommit(!endpoint.settings().transactionPooled());
                timeoutSet = null;
            }
            applyTimeout(timeout);
            if (fresh) {
                setup.on(connection);
            }
            T result = read.on(connection);
            if (endpoint.settings().transactionPooled()) {
                connection.commit();
            }
            return result;
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    private void applyTimeout(Duration timeout) throws SQLException {
        long millis = Math.max(1, timeout.toMillis());
        if (endpoint.settings().transactionPooled()) {
            try (Statement s = connection.createStatement()) {
                s.execute("set local statement_timeout = " + millis);
            }
        } else if (!timeout.equals(timeoutSet)) {
            try (Statement s = connection.createStatement()) {
                s.execute("set statement_timeout = " + millis);
            }
        }
        if (!timeout.equals(timeoutSet)) {
            connection.setNetworkTimeout(Runnable::run, Math.toIntExact(Math.min(Integer.MAX_VALUE, millis + NETWORK_GRACE.toMillis())));
            timeoutSet = timeout;
        }
    }

    public boolean connected() {
        return connection != null;
    }

    @Override
    public void close() {
        Jdbc.closeQuietly(connection);
        connection = null;
    }
}
