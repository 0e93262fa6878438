package dev.snowpulse.db;

import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.secret.Secret;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/** A Postgres server with the secret to reach it, ready to open connections. toString never shows the secret. */
public record PostgresEndpoint(PostgresSettings settings, Optional<Secret> password) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public JdbcTarget target(Duration timeout) {
        return PostgresTargets.of(settings, password, timeout);
    }

    /** A connection; a failure to open it is a {@link DatabaseUnreachable} that says what to check. */
    public Connection connect() throws SQLException {
        JdbcTarget target = target(DEFAULT_TIMEOUT);
        try {
            return throughPooler(PostgresDriver.connect(target));
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    /** A connection whose session shows as {@code applicationName} in pg_stat_activity. */
    public Connection connect(String applicationName) throws SQLException {
        JdbcTarget target = target(DEFAULT_TIMEOUT);
        java.util.Properties properties = target.properties();
        properties.setProperty("ApplicationName", applicationName);
        try {
            return throughPooler(PostgresDriver.connect(target.url(), properties));
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    /**
     * pgjdbc asks for DateStyle "ISO" at start-up and the server reports it as "ISO, MDY". PgBouncer before 1.19 keeps
     * the client's "ISO", finds it unlike every server connection's "ISO, MDY" and sends SET DateStyle before each of
     * this client's transactions: a second round trip per order. A DateStyle changed and reverted in one transaction
     * is reported twice, the second time with the server's own spelling, which PgBouncer then keeps for this client;
     * the server connection is left as it was.
     */
    private Connection throughPooler(Connection connection) throws SQLException {
        if (settings.pooler() == dev.snowpulse.profile.Pooler.NONE) {
            return connection;
        }
        try (java.sql.Statement s = connection.createStatement()) {
            connection.setAutoCommit(false);
            s.execute("select set_config('DateStyle', case when current_setting('DateStyle') like '%DMY' "
                    + "then 'ISO, MDY' else 'ISO, DMY' end, true)");
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return connection;
    }

    private DatabaseUnreachable unreachable(SQLException e) {
        return e instanceof DatabaseUnreachable already ? already : new DatabaseUnreachable(ConnectionProblems.explain(settings, e), e);
    }

    /** For libraries that want a DataSource (Flyway); its connections fail as {@link #connect()}'s do. */
    public PGSimpleDataSource dataSource() {
        JdbcTarget target = target(DEFAULT_TIMEOUT);
        PGSimpleDataSource dataSource = new PGSimpleDataSource() {
            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                try {
                    return super.getConnection(user, password);
                } catch (SQLException e) {
                    throw unreachable(e);
                }
            }
        };
        dataSource.setURL(target.url());
        target.properties().forEach((key, value) -> {
            try {
                dataSource.setProperty(key.toString(), value.toString());
            } catch (SQLException e) {
                throw new IllegalArgumentException("unknown connection property " + key, e);
            }
        });
        return dataSource;
    }

    public String describe() {
        return settings.summary();
    }

    @Override
    public String toString() {
        return "PostgresEndpoint[" + settings.summary() + "]";
    }
}
