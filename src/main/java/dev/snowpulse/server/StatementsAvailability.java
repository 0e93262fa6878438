package dev.snowpulse.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/** Whether pg_stat_statements can be read here, and if not, the plain sentence that says how to enable it. */
final class StatementsAvailability {

    static final String NOT_INSTALLED = "pg_stat_statements is not installed in this database: a superuser (or, on Snowflake "
            + "Postgres, the database's owner) runs CREATE EXTENSION pg_stat_statements; the server must also load it "
            + "(shared_preload_libraries = 'pg_stat_statements' in postgresql.conf, then a restart)";

    static final String NOT_LOADED = "pg_stat_statements is installed but the server does not load it: add it to "
            + "shared_preload_libraries in postgresql.conf and restart the server (an administrator's change)";

    private StatementsAvailability() {
    }

    /** Null when it answers; otherwise why not. Leaves the connection as it found it. */
    static String check(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('pg_stat_statements') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return NOT_INSTALLED;
            }
        }
        boolean autoCommit = c.getAutoCommit();
        Savepoint savepoint = autoCommit ? null : c.setSavepoint();
        try (Statement s = c.createStatement()) {
            s.execute("SELECT 1 FROM pg_stat_statements LIMIT 0");
            return null;
        } catch (SQLException e) {
            if (savepoint != null) {
                c.rollback(savepoint);
            }
            // 55000: "pg_stat_statements must be loaded via shared_preload_libraries"
            if ("55000".equals(e.getSQLState())) {
                return NOT_LOADED;
            }
            return "pg_stat_statements cannot be read by this role: " + e.getMessage();
        }
    }
}
