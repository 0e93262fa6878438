package dev.snowpulse.workload;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** How one order ended. Every due order ends in exactly one. */
public enum Outcome {
    OK("ok"),
    OUT_OF_STOCK("out of stock"),
    INVALID_INPUT("invalid input"),
    CONNECTION_LOST("connection lost"),
    /** Its time came while the worker had no connection and could not get one: never sent to the database. */
    NOT_SENT("not sent: no connection"),
    OTHER_SQL_ERROR("other SQL error");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** From place_order's SQLSTATEs (SP001-SP004) and PostgreSQL's connection and shutdown classes. */
    public static Outcome of(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("SP004")) {
            return OUT_OF_STOCK;
        }
        if (state.equals("SP001") || state.equals("SP002") || state.equals("SP003")) {
            return INVALID_INPUT;
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || e instanceof SQLRecoverableException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLTransientConnectionException) {
            return CONNECTION_LOST;
        }
        return OTHER_SQL_ERROR;
    }
}
