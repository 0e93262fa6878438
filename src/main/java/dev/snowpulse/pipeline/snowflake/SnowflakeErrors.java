package dev.snowpulse.pipeline.snowflake;

import dev.snowpulse.pipeline.PipelineException;

import java.sql.SQLException;

/** Turns driver errors into messages that keep Snowflake's code, SQL state and query id and say what to check. */
final class SnowflakeErrors {

    private SnowflakeErrors() {
    }

    static PipelineException of(String action, SQLException e) {
        String code = e.getErrorCode() == 0 ? null : String.format("%06d", e.getErrorCode());
        String queryId = queryId(e);
        return new PipelineException(action, reason(e), code, e.getSQLState(), queryId, advice(e), e);
    }

    /**
     * The query id snowflake-jdbc's SnowflakeSQLException carries. Read by name: a downloaded driver lives in a class
     * loader of its own, so its exception class is not SnowPulse's to import.
     */
    private static String queryId(SQLException e) {
        try {
            Object id = e.getClass().getMethod("getQueryId").invoke(e);
            return id instanceof String s && !s.isBlank() ? s : null;
        } catch (ReflectiveOperationException | RuntimeException notSnowflakes) {
            return null;
        }
    }

    /** The server's message on one line (Snowflake puts "SQL compilation error:" on a line of its own). */
    private static String reason(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    static String advice(SQLException e) {
        if (dev.snowpulse.db.ConnectionProblems.missingCliConnection(e)) {
            return dev.snowpulse.db.ConnectionProblems.MISSING_CLI_CONNECTION;
        }
        return switch (e.getErrorCode()) {
            case 2003 -> "Check that the pipeline is deployed (Deploy) and that the profile's role can see the database "
                    + "and schema named in the pipeline settings.";
            case 3001 -> "The profile's role lacks a privilege for this: grant it (for task history, MONITOR EXECUTION; "
                    + "for task control, OPERATE on the tasks) or use a role that owns the pipeline.";
            case 390112, 390114 -> "The session expired and could not be renewed: test the connection to sign in again.";
            case 390100, 390144 -> "Check the profile's user and its password, token or key.";
            case 604 -> "The statement was cancelled; run it again.";
            default -> connectionLost(e)
                    ? "The Snowflake endpoint did not answer: check the network, the account URL and Snowflake's status."
                    : null;
        };
    }

    static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) {
            return true;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }
}
