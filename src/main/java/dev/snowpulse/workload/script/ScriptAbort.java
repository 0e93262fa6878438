package dev.snowpulse.workload.script;

/**
 * A script that cannot go on (an undefined variable, a division by zero, a bad random parameter): the client stops,
 * as pgbench aborts one, and the run says where: "bench.sql:3: division by zero (in \set x 1 / :n)".
 */
public final class ScriptAbort extends RuntimeException {

    public ScriptAbort(String message) {
        super(message, null, false, false);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
