package dev.snowpulse.server;

/** What may be done to another session: cancel its query, or end the session. */
public enum BackendSignal {
    CANCEL("pg_cancel_backend", "cancel the query of"), TERMINATE("pg_terminate_backend", "terminate");

    private final String function;
    private final String verb;

    BackendSignal(String function, String verb) {
        this.function = function;
        this.verb = verb;
    }

    String function() {
        return function;
    }

    /** "cancel the query of" / "terminate", followed by "session 123". */
    public String verb() {
        return verb;
    }
}
