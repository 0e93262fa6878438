package dev.snowpulse.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * Whether pg_stat_statements can be read here: the statements query aimed at the schema the extension lives in
 * (whatever the search path), or the plain sentence that says how to enable it.
 */
final class StatementsAvailability {

    static final String NOT_INSTALLED = "pg_stat_statements is not installed in this database: a superuser (or, on Snowflake "
            + "Postgres, the database's owner) runs CREATE EXTENSION pg_stat_statements; the server must also load it "
            + "(shared_preload_libraries = 'pg_stat_statements' in postgresql.conf, then a restart)";

    static final String NOT_LOADED = "pg_stat_statements is installed but the server does not load it: add it to "
            + "shared_preload_libraries in postgresql.conf and restart the server (an administrator's change)";

    /** The statements query to run, or (query null) why it cannot run. */
    record Source(String query, String unavailable) {
    }

    private StatementsAvailability() {
    }

    /** Leaves the connection as it found it. */
    static Source check(Connection c, String statementsTemplate) throws SQLException {
        String schema;
        try (PreparedStatement s = c.prepareStatement("SELECT quote_ident(n.nspname) FROM pg_extension e "
                + "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_stat_statements'");
             ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return new Source(null, NOT_INSTALLED);
            }
            schema = rs.getString(1);
        }
        boolean autoCommit = c.getAutoCommit();
        Savepoint savepoint = autoCommit ? null : c.setSavepoint();
        try (Statement s = c.createStatement()) {
            s.execute("SELECT 1 FROM " + schema + ".pg_stat_statements LIMIT 0");
            return new Source(statementsTemplate.replace("{schema}", schema), null);
        } catch (SQLException e) {
            if (savepoint != null) {
                c.rollback(savepoint);
            }
            return new Source(null, unreadable(e));
        }
    }

    /** Why a read of pg_stat_statements failed, as the Server tab says it. */
    static String unreadable(SQLException e) {
        // 55000: "pg_stat_statements must be loaded via shared_preload_libraries"
        if ("55000".equals(e.getSQLState())) {
            return NOT_LOADED;
        }
        return "pg_stat_statements cannot be read by this role: " + firstLine(e.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
