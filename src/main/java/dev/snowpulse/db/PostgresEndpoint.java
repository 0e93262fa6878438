package dev.snowpulse.db;

import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.Secret;
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
            return PostgresDriver.connect(target);
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
            return PostgresDriver.connect(target.url(), properties);
        } catch (SQLException e) {
            throw unreachable(e);
        }
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
