package dev.snowpulse.pipeline.task;

import java.util.Locale;

/** A task's state as SHOW TASKS reports it. */
public enum TaskState {
    STARTED, SUSPENDED, UNKNOWN;

    public static TaskState parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "started" -> STARTED;
            case "suspended" -> SUSPENDED;
            default -> UNKNOWN;
        };
    }
}
