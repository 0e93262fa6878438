package dev.snowpulse.pipeline.snowflake;

import dev.snowpulse.db.JdbcTarget;
import dev.snowpulse.db.SnowflakeDriver;
import dev.snowpulse.pipeline.PipelineException;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One snowflake-jdbc connection, opened on first use and opened again after it was lost. The driver renews an
 * expired session token itself; a connection that is closed or whose endpoint went away is replaced on the next call.
 */
final class SnowflakeSession implements AutoCloseable {

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final SnowflakeDriver driver;
    private final JdbcTarget target;
    private Connection connection;

    SnowflakeSession(SnowflakeDriver driver, JdbcTarget target) {
        this.driver = driver;
        this.target = target;
    }

    <T> T call(String action, Work<T> work) throws PipelineException {
        try {
            return work.run(connection());
        } catch (SQLException e) {
            if (SnowflakeErrors.connectionLost(e)) {
                close();
            }
            throw SnowflakeErrors.of(action, e);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = driver.connect(target);
        }
        return connection;
    }

    String displayName() {
        return target.displayName();
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException ignored) {
                // the session is gone either way; closing against an endpoint that went away has thrown unchecked
                // exceptions from inside the driver (SNOW-4036693 in 4.3.x)
            }
            connection = null;
        }
    }
}
