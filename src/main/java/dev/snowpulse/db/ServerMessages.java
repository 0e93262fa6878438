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
}
