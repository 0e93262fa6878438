package dev.snowpulse.pipeline.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A task with its last finished run and its next scheduled one, for the graph view. */
public record TaskStatus(TaskInfo task, TaskRun lastRun, Instant nextRun) {

    public boolean lastRunFailed() {
        return lastRun != null && lastRun.state().failed();
    }

    /** Each task with its newest finished run and its earliest SCHEDULED one, from runs listed newest first. */
    public static List<TaskStatus> of(List<TaskInfo> tasks, List<TaskRun> newestFirst) {
        List<TaskStatus> statuses = new ArrayList<>();
        for (TaskInfo task : tasks) {
            TaskRun last = null;
            Instant next = null;
            for (TaskRun run : newestFirst) {
                if (!run.task().equalsIgnoreCase(task.shortName())) {
                    continue;
                }
                if (run.state() == TaskRunState.SCHEDULED) {
                    next = next == null || run.scheduledTime().isBefore(next) ? run.scheduledTime() : next;
                } else if (last == null && run.state().finished()) {
                    last = run;
                }
            }
            statuses.add(new TaskStatus(task, last, next));
        }
        return statuses;
    }
}
