package dev.snowpulse.pipeline.deploy;


import dev.snowpulse.pipeline.PipelineException;
import java.time.Duration;

/**
 * The end of a deployment: the plan it followed, how many statements ran, and the one that failed with why, if one
 * did. A deploy whose plan could not be read has no plan and no failed statement.
 */
public record DeployReport(DeployPlan plan, int total, int applied, Duration took, SqlStatement failedStatement,
                           PipelineException failure) {

    public static DeployReport unplanned(PipelineException failure) {
        return new DeployReport(null, 0, 0, Duration.ZERO, null, failure);
    }

    public boolean ok() {
        return failure == null;
    }

    public String describe() {
        if (ok()) {
            return "deployed: " + applied + " of " + total + " statements in " + dev.snowpulse.format.Durations.format(took);
        }
        if (failedStatement == null) {
            return "deploy did not start: " + failure.getMessage();
        }
        return "deploy stopped at statement " + (applied + 1) + " of " + total + " (" + failedStatement.location() + ": "
                + failedStatement.summary() + "): " + failure.getMessage();
    }
}
