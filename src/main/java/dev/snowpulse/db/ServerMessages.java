package dev.snowpulse.db;

import java.sql.SQLException;

/** What a database said, for one line of a message: its first line, without PostgreSQL's "ERROR: " prefix. */
public final class ServerMessages {

    private ServerMessages() {
    }

    /** The first line of the error's message, or "" when it has none. */
    public static String firstLine(SQLException e) {
        String message = e.getMessage();
        if (message == null) {
            return "";
        }
        return message.lines().findFirst().orElse("").replaceFirst("^ERROR: ", "").strip();
    }

    /** A function or table that is not there (SQLSTATE 42883 / 42P01): a schema to initialise, not a database missing. */
    public static boolean missingObject(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("42883".equals(sql.getSQLState()) || "42P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
