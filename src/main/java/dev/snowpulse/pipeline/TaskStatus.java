package dev.snowpulse.pipeline;

import java.time.Instant;

/** A task with its last finished run and its next scheduled one, for the graph view. */
public record TaskStatus(TaskInfo task, TaskRun lastRun, Instant nextRun) {

    public boolean lastRunFailed() {
        return lastRun != null && lastRun.state().failed();
    }
}
