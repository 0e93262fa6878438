package dev.snowpulse.pipeline.task;

import java.util.List;

/** One task as SHOW TASKS describes it; {@code name} is database.schema.task. */
public record TaskInfo(String name, TaskState state, String schedule, List<String> predecessors, String definition,
                       String condition, String warehouse) {

    public TaskInfo {
        predecessors = List.copyOf(predecessors);
    }

    public String shortName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    public boolean root() {
        return predecessors.isEmpty();
    }
}
