package dev.snowpulse.pipeline.task;

import dev.snowpulse.pipeline.PipelineException;
import dev.snowpulse.pipeline.StreamInfo;

import java.util.List;

/** The task graphs and streams of any schema ({@code database.schema}): what they are, how they ran, and control. */
public interface TaskGateway {

    /** How many recent runs the last and next run of each task are read from. */
    int RECENT_RUNS = 200;

    /** The tasks of any schema, without their runs. */
    List<TaskInfo> taskList(String schemaPath) throws PipelineException;

    /** The tasks of any schema, each with its last and next run. */
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
}
