package dev.snowpulse.pipeline;

import java.time.Duration;

/** The end of a deployment: how many statements ran, and the one that failed with why, if one did. */
public record DeployReport(int total, int applied, Duration took, SqlStatement failedStatement, PipelineException failure) {

    public boolean ok() {
        return failure == null;
    }

    public String describe() {
        if (ok()) {
            return "deployed: " + applied + " of " + total + " statements in " + dev.snowpulse.format.Durations.format(took);
        }
        return "deploy stopped at statement " + (applied + 1) + " of " + total + " (" + failedStatement.location() + ": "
                + failedStatement.summary() + "): " + failure.getMessage();
    }
}
