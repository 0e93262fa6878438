package dev.snowpulse.schema;

/**
 * Why applying the SQL stopped: which file, which line, the SQLSTATE and PostgreSQL's message.
 * Everything applied before the failing file stays applied; the failing file's transaction is rolled back.
 */
public final class MigrationFailure extends Exception {

    private final String script;
    private final int line;
    private final String sqlState;
    private final String serverMessage;

    public MigrationFailure(String script, int line, String sqlState, String serverMessage) {
        super(describe(script, line, sqlState, serverMessage), null, false, false);
        this.script = script;
        this.line = line;
        this.sqlState = sqlState;
        this.serverMessage = serverMessage;
    }

    private static String describe(String script, int line, String sqlState, String serverMessage) {
        StringBuilder text = new StringBuilder(script == null ? "the SQL files" : script);
        if (line > 0) {
            text.append(", line ").append(line);
        }
        if (sqlState != null) {
            text.append(", SQLSTATE ").append(sqlState);
        }
        return text.append(": ").append(serverMessage).toString();
    }

    public String script() {
        return script;
    }

    public int line() {
        return line;
    }

    public String sqlState() {
        return sqlState;
    }

    public String serverMessage() {
        return serverMessage;
    }
}
