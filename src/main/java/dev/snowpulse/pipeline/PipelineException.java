package dev.snowpulse.pipeline;

/**
 * A pipeline call that failed, with what the server said (error code, SQL state, query id where there is one) and
 * what to check. The message holds all of it on one line, ready to show.
 */
public final class PipelineException extends Exception {

    private final String code;
    private final String sqlState;
    private final String queryId;
    private final String advice;

    public PipelineException(String action, String reason, String code, String sqlState, String queryId, String advice,
                             Throwable cause) {
        super(message(action, reason, code, sqlState, queryId, advice), cause);
        this.code = code;
        this.sqlState = sqlState;
        this.queryId = queryId;
        this.advice = advice;
    }

    public PipelineException(String action, String reason) {
        this(action, reason, null, null, null, null, null);
    }

    public String code() {
        return code;
    }

    public String sqlState() {
        return sqlState;
    }

    public String queryId() {
        return queryId;
    }

    public String advice() {
        return advice;
    }

    /**
     * The pipeline's objects are missing on PostgreSQL (undefined table, schema or function): nothing is deployed
     * there yet. Snowflake's 002003 is left out: it says the same of objects the role may only not be allowed to see.
     */
    public boolean notDeployed() {
        return sqlState != null && code == null && java.util.Set.of("42P01", "3F000", "42883").contains(sqlState);
    }

    /** Whether a failure from a gateway call is {@link #notDeployed()}. */
    public static boolean notDeployed(Throwable failure) {
        return failure instanceof PipelineException e && e.notDeployed();
    }

    private static String message(String action, String reason, String code, String sqlState, String queryId, String advice) {
        StringBuilder text = new StringBuilder("could not ").append(action).append(": ").append(reason);
        StringBuilder ids = new StringBuilder();
        if (code != null) {
            ids.append("error ").append(code);
        }
        if (sqlState != null) {
            ids.append(ids.isEmpty() ? "" : ", ").append("SQL state ").append(sqlState);
        }
        if (queryId != null) {
            ids.append(ids.isEmpty() ? "" : ", ").append("query id ").append(queryId);
        }
        if (!ids.isEmpty()) {
            text.append(" (").append(ids).append(')');
        }
        if (advice != null) {
            text.append(". ").append(advice);
        }
        return text.toString();
    }
}
