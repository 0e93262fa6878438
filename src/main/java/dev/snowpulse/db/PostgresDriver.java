package dev.snowpulse.db;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;

/**
 * Opens pgjdbc connections through its driver directly. DriverManager would first load and initialise every driver
 * on the class path, snowflake-jdbc included (which registers BouncyCastle, a second of CPU), before the Local demo's
 * first connection at start-up.
 */
public final class PostgresDriver {

    private static final Driver DRIVER = new org.postgresql.Driver();

    private PostgresDriver() {
    }

    public static Connection connect(JdbcTarget target) throws SQLException {
        return connect(target.url(), target.properties());
    }

    public static Connection connect(String url, java.util.Properties properties) throws SQLException {
        Connection connection = DRIVER.connect(url, properties);
        if (connection == null) {
            throw new SQLException("pgjdbc does not accept the URL " + url);
        }
        return connection;
    }
}
