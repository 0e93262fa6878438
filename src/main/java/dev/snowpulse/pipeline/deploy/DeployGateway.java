package dev.snowpulse.pipeline.deploy;

import dev.snowpulse.pipeline.PipelineException;

/** Bringing the pipeline's objects to what SnowPulse's scripts define, keeping data. */
public interface DeployGateway {

    /**
     * What a deploy would change here, read from the database's catalog without changing anything: every statement
     * it would send, and what each one adds or replaces.
     */
    DeployPlan plan() throws PipelineException;

    /** Sends a plan's statements in order, keeping data; stops at the first failing statement. */
    DeployReport deploy(DeployPlan plan, DeployListener listener);

    /** Plans and deploys; a plan that cannot be read is reported as the failure of the deploy's first step. */
    default DeployReport deploy(DeployListener listener) {
        try {
            return deploy(plan(), listener);
        } catch (PipelineException e) {
            return DeployReport.unplanned(e);
        }
    }
}
