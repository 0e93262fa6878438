package dev.snowpulse.db;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;

/** Opens snowflake-jdbc connections through the driver class that is current since 4.0. */
public final class SnowflakeDriver {

    private static final String DRIVER_CLASS = "net.snowflake.client.api.driver.SnowflakeDriver";

    private SnowflakeDriver() {
    }

    public static Connection connect(JdbcTarget target) throws SQLException {
        try {
            Driver driver = (Driver) Class.forName(DRIVER_CLASS).getDeclaredConstructor().newInstance();
            Connection connection = driver.connect(target.url(), target.properties());
            if (connection == null) {
                throw new SQLException("snowflake-jdbc does not accept the URL for " + target.displayName());
            }
            return connection;
        } catch (ReflectiveOperationException e) {
            throw new SQLException("snowflake-jdbc is not on the class path (" + DRIVER_CLASS + ")", e);
        }
    }
}
