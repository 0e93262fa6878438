package dev.snowpulse.cli;

/** A command that ran and failed: its message goes to stderr and the exit code is 1. */
public final class CliFailure extends RuntimeException {

    public CliFailure(String message) {
        super(message, null, false, false);
    }
}
