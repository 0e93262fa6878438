package dev.snowpulse.workload.script;

/** An expression or a command that fails as a client runs it (division by zero, an undefined variable ...), as pgbench's. */
public final class ScriptEvaluationError extends RuntimeException {

    public ScriptEvaluationError(String message) {
        super(message, null, false, false);
    }
}
