package dev.snowpulse.pipeline.task;

import java.time.Duration;
import java.time.Instant;

/** One row of task history. Times are null where the run has not reached them. */
public record TaskRun(String task, TaskRunState state, Instant scheduledTime, Instant startTime, Instant completedTime,
                      String errorCode, String errorMessage, String queryId, String returnValue) {

    public Duration duration() {
        return startTime == null || completedTime == null ? null : Duration.between(startTime, completedTime);
    }
}
