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

    /** Runs {@code read} under {@code timeout}; a failure closes the connection and is thrown as it came. */
    public <T> T read(Duration timeout, Read<T> read) throws SQLException {
        try {
            boolean fresh = connection == null;
            if (fresh) {
                connection = endpoint.connect(applicationName);
                connection.setAutoCommit(!endpoint.settings().transactionPooled());
                timeoutSet = null;
                setup.on(connection);
            }
            boolean pooled = endpoint.settings().transactionPooled();
            if (pooled) {
                try (Statement s = connection.createStatement()) {
                    s.execute("set local statement_timeout = " + Math.max(1, timeout.toMillis()));
                }
            } else if (!timeout.equals(timeoutSet)) {
                try (Statement s = connection.createStatement()) {
                    s.execute("set statement_timeout = " + Math.max(1, timeout.toMillis()));
                }
                timeoutSet = timeout;
            }
            T result = read.on(connection);
            if (pooled) {
                connection.commit();
            }
            return result;
        } catch (SQLException e) {
            close();
            throw e;
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
