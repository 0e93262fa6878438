package dev.snowpulse.pipeline.deploy;


import java.util.List;

/**
 * Everything a deploy will send, in order, and what each statement changes, worked out from the database's catalog
 * before anything is sent. {@code found} says what the database held (empty, seed 001's pipeline, SnowPulse's).
 */
public record DeployPlan(String found, List<DeployStep> steps) {

    public DeployPlan {
        steps = List.copyOf(steps);
    }

    public List<SqlStatement> statements() {
        return steps.stream().map(DeployStep::statement).toList();
    }

    public List<Change> changes() {
        return steps.stream().filter(DeployStep::changes).map(DeployStep::change).toList();
    }

    public boolean changesNothing() {
        return changes().isEmpty();
    }

    /** The plan as a person reads it: what was found, then each change, one a line. */
    public List<String> lines() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("Found: " + found);
        List<Change> changes = changes();
        if (changes.isEmpty()) {
            lines.add("Nothing to change: every object is in place (" + steps.size() + " statements, each a no-op here).");
            return lines;
        }
        lines.add(changes.size() + (changes.size() == 1 ? " change" : " changes") + " in " + steps.size()
                + " statements; no table, column or row is dropped or rewritten:");
        changes.forEach(change -> lines.add("  " + change.describe()));
        return lines;
    }
}
