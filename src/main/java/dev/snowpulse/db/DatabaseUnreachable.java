package dev.snowpulse.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

/**
 * A connection that could not be opened, its message already the one sentence a person can act on (which host, which
 * setting, what to check: {@link ConnectionProblems}). Thrown where connections are opened, so every command and every
 * tab says the same thing; the driver's failure stays as the cause, its SQLSTATE kept.
 */
public final class DatabaseUnreachable extends SQLNonTransientConnectionException {

    public DatabaseUnreachable(String message, SQLException cause) {
        super(message, cause.getSQLState(), cause.getErrorCode(), cause);
    }
}
