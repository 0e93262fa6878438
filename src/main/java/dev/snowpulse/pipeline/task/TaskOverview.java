package dev.snowpulse.pipeline.task;

import java.util.List;

/** A schema's tasks with their last and next runs, and the task history shown beside them. */
public record TaskOverview(List<TaskStatus> tasks, List<TaskRun> history) {

    public TaskOverview {
        tasks = List.copyOf(tasks);
        history = List.copyOf(history);
    }
}
