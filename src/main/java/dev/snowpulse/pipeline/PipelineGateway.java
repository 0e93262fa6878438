package dev.snowpulse.pipeline;

import dev.snowpulse.pipeline.audit.AuditGateway;
import dev.snowpulse.pipeline.deploy.DeployGateway;
import dev.snowpulse.pipeline.reference.ReferenceGateway;
import dev.snowpulse.pipeline.task.TaskGateway;
import dev.snowpulse.pipeline.task.TaskStatus;

import java.util.List;

/**
 * Everything the Pipeline and Audit tabs and {@code snowpulse pipeline} do, whatever runs the pipeline: its own
 * controls here, and by topic deploy, tasks, reference data and audit. Calls block and may be slow (a warehouse may
 * be resuming): callers keep them off the FX thread. Not thread-safe; one caller at a time.
 */
public interface PipelineGateway extends DeployGateway, TaskGateway, ReferenceGateway, AuditGateway, AutoCloseable {

    /** Where this gateway points, e.g. "Snowflake testacct · RETAIL_STREAMING_DEMO". */
    String describe();

    PipelineNames names();

    /** Resumes the pipeline's task graph (children before the root). Returns the server's message. */
    String start() throws PipelineException;

    /** Suspends the root first, then the rest. */
    String stop() throws PipelineException;

    /** One generation run now, outside the schedule. Returns the server's message with the run id. */
    String generate(EventCounts counts) throws PipelineException;

    /** Rows per table per layer (raw, bronze, gold, audit). */
    List<LayerCount> summary() throws PipelineException;

    /** The tasks of the pipeline's control schema, each with its last and next run. */
    default List<TaskStatus> pipelineTasks() throws PipelineException {
        return tasks(names().controlPath());
    }

    @Override
    void close();
}
