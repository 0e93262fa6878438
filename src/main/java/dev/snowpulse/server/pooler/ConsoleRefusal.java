package dev.snowpulse.server.pooler;

/** PgBouncer's console said no (an ErrorResponse): its SQLSTATE and message. */
public final class ConsoleRefusal extends Exception {

    private final String sqlState;

    public ConsoleRefusal(String sqlState, String message) {
        super(message);
        this.sqlState = sqlState;
    }

    public String sqlState() {
        return sqlState;
    }
}
