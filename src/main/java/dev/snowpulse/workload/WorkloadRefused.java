package dev.snowpulse.workload;

import java.sql.SQLException;

/** A run that could not start for a reason the user can fix; the message says what to fix. */
public final class WorkloadRefused extends SQLException {

    public WorkloadRefused(String message) {
        super(message);
    }

    public WorkloadRefused(String message, SQLException cause) {
        super(message, cause.getSQLState(), cause);
    }
}
