package dev.snowpulse.pipeline.task;

import java.util.Locale;

/** The states of a task run in TASK_HISTORY, shared by both backends. */
public enum TaskRunState {
    SCHEDULED, EXECUTING, SUCCEEDED, FAILED, CANCELLED, SKIPPED, FAILED_AND_AUTO_SUSPENDED;

    public static TaskRunState parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }

    public boolean failed() {
        return this == FAILED || this == FAILED_AND_AUTO_SUSPENDED;
    }

    public boolean finished() {
        return this != SCHEDULED && this != EXECUTING;
    }
}
