package dev.snowpulse.workload.script;

import java.util.List;

/** One command of a script, with the line it starts on. */
public sealed interface Command {

    int line();

    /** The command as the script wrote it, on one line: what per-command reports show beside its latency. */
    String source();

    /**
     * A SQL command sent as one prepared statement (extended protocol, unnamed where the profile pools by
     * transaction): the script's {@code :variables} became parameters, bound in {@code variables} order as text of
     * no declared type, so the server infers each one's type from where it stands, as it does for pgbench's.
     */
    record Sql(String jdbcText, List<String> variables, int line, String source) implements Command {
    }

    /** {@code \set name expression}. */
    record Set(String variable, Expr expression, int line, String source) implements Command {
    }

    /** {@code \sleep n [us|ms|s]}, n a number or a variable. */
    record Sleep(Expr amount, long nanosPerUnit, int line, String source) implements Command {
    }
}
