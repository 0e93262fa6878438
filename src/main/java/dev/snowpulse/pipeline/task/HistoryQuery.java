package dev.snowpulse.pipeline.task;

import dev.snowpulse.pipeline.SqlIdentifier;

/** Which task runs to list: one task or all, only failures or not, at most {@code limit} rows, newest first. */
public record HistoryQuery(String task, boolean errorsOnly, int limit) {

    public HistoryQuery {
        task = task == null || task.isBlank() ? null : SqlIdentifier.requireQualified(task, "task");
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit: " + limit + " is outside 1..10000");
        }
    }

    public static HistoryQuery recent(int limit) {
        return new HistoryQuery(null, false, limit);
    }
}
