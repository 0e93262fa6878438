package dev.snowpulse.pipeline;

import dev.snowpulse.pipeline.deploy.DeployReport;
import dev.snowpulse.pipeline.deploy.DeployListener;
import dev.snowpulse.pipeline.audit.RunSnapshot;
import dev.snowpulse.pipeline.audit.RunComparison;
import dev.snowpulse.pipeline.audit.AuditRuns;
import dev.snowpulse.pipeline.audit.AuditRun;
import dev.snowpulse.pipeline.reference.ReferenceTable;
import dev.snowpulse.pipeline.reference.ReferenceRow;
import dev.snowpulse.pipeline.reference.ReferenceChange;
import dev.snowpulse.pipeline.task.TaskStatus;
import dev.snowpulse.pipeline.task.TaskRun;
import dev.snowpulse.pipeline.task.TaskOverview;
import dev.snowpulse.pipeline.task.TaskInfo;
import dev.snowpulse.pipeline.task.HistoryQuery;
import java.util.List;

/**
 * Everything the Pipeline and Audit tabs and {@code snowpulse pipeline} do, whatever runs the pipeline. Calls block
 * and may be slow (a warehouse may be resuming): callers keep them off the FX thread. Not thread-safe; one caller
 * at a time.
 */
public interface PipelineGateway extends AutoCloseable {

    /** Where this gateway points, e.g. "Snowflake testacct · RETAIL_STREAMING_DEMO". */
    String describe();

    PipelineNames names();

    /**
     * What a deploy would change here, read from the database's catalog without changing anything: every statement
     * it would send, and what each one adds or replaces.
     */
    dev.snowpulse.pipeline.deploy.DeployPlan plan() throws PipelineException;

    /** Sends a plan's statements in order, keeping data; stops at the first failing statement. */
    DeployReport deploy(dev.snowpulse.pipeline.deploy.DeployPlan plan, DeployListener listener);

    /** Plans and deploys; a plan that cannot be read is reported as the failure of the deploy's first step. */
    default DeployReport deploy(DeployListener listener) {
        try {
            return deploy(plan(), listener);
        } catch (PipelineException e) {
            return DeployReport.unplanned(e);
        }
    }

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

    /** How many recent runs the last and next run of each task are read from. */
    int RECENT_RUNS = 200;

    /** The tasks of any schema ({@code database.schema}), without their runs. */
    List<TaskInfo> taskList(String schemaPath) throws PipelineException;

    /** The tasks of any schema ({@code database.schema}), each with its last and next run. */
    default List<TaskStatus> tasks(String schemaPath) throws PipelineException {
        return overview(schemaPath, false).tasks();
    }

    /**
     * The tasks with their last and next runs, and the newest runs ({@link #RECENT_RUNS}; only failures when
     * {@code errorsOnly}). The recent runs are read once and serve both unless only failures are asked for.
     */
    default TaskOverview overview(String schemaPath, boolean errorsOnly) throws PipelineException {
        List<TaskInfo> tasks = taskList(schemaPath);
        if (tasks.isEmpty()) {
            return new TaskOverview(List.of(), List.of());
        }
        List<TaskRun> recent = history(schemaPath, HistoryQuery.recent(RECENT_RUNS));
        List<TaskRun> shown = errorsOnly ? history(schemaPath, new HistoryQuery(null, true, RECENT_RUNS)) : recent;
        return new TaskOverview(TaskStatus.of(tasks, recent), shown);
    }

    /** Task runs in the schema, newest first. */
    List<TaskRun> history(String schemaPath, HistoryQuery query) throws PipelineException;

    /** Resumes one task; a root resumes with its whole graph. The root is suspended around changes to a child. */
    void resume(String task) throws PipelineException;

    void suspend(String task) throws PipelineException;

    /** Runs a task's graph once now. */
    void execute(String task) throws PipelineException;

    /** Reruns the last failed run of the task's graph from the tasks that failed. */
    void retryLast(String task) throws PipelineException;

    List<StreamInfo> streams(String schemaPath) throws PipelineException;

    List<ReferenceRow> reference(ReferenceTable table) throws PipelineException;

    void apply(ReferenceChange change) throws PipelineException;

    /** The newest generation runs first. */
    List<AuditRun> auditRuns(int limit) throws PipelineException;

    /** The stored runs with these ids, in the order asked; fails naming an id that is not there. */
    List<AuditRuns.Stored> storedRuns(List<String> runIds) throws PipelineException;

    default RunSnapshot snapshot(String runId) throws PipelineException {
        return storedRuns(List.of(runId)).getFirst().snapshot();
    }

    /** Two runs' reference data compared row by row. */
    default RunComparison compare(String beforeRunId, String afterRunId) throws PipelineException {
        return AuditRuns.compare(storedRuns(List.of(beforeRunId, afterRunId)));
    }

    @Override
    void close();
}
