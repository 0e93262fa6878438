package dev.snowpulse.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Small JDBC chores every kept connection needs. */
public final class Jdbc {

    private Jdbc() {
    }

    /** Closes a connection that is being dropped (often because it failed); a failure to close changes nothing. */
    public static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // dropped either way
            }
        }
    }
}
