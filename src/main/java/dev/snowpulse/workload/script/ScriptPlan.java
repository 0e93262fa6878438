package dev.snowpulse.workload.script;

import java.util.List;
import java.util.Map;

/**
 * What each transaction of a scripted run is: the weighted scripts, the variables defined for every client
 * ({@code -D name=value}), the scale {@code :scale} stands for, and how many times a serialization failure or a
 * deadlock is tried before it counts as failed (pgbench 15's {@code --max-tries}), and whether each command is timed
 * ({@code -r}).
 */
public record ScriptPlan(List<WeightedScript> scripts, Map<String, Value> definitions, long scale, int maxTries,
                         boolean reportPerCommand) {

    public ScriptPlan {
        scripts = List.copyOf(scripts);
        definitions = Map.copyOf(definitions);
        if (scripts.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one script");
        }
        if (scripts.stream().mapToLong(WeightedScript::weight).sum() == 0) {
            throw new IllegalArgumentException("the scripts' weights add up to 0: give one a weight above 0");
        }
        if (maxTries < 1 || maxTries > 1000) {
            throw new IllegalArgumentException("max tries " + maxTries + " is outside 1..1000");
        }
    }

    /** Without per-command latencies (pgbench's -r). */
    public ScriptPlan(List<WeightedScript> scripts, Map<String, Value> definitions, long scale, int maxTries) {
        this(scripts, definitions, scale, maxTries, false);
    }

    public long totalWeight() {
        return scripts.stream().mapToLong(WeightedScript::weight).sum();
    }

    /** "tpcb-like", or "tpcb-like@3 + select-only@1": what the run's history and its summary call it. */
    public String label() {
        if (scripts.size() == 1) {
            return scripts.getFirst().script().name();
        }
        return String.join(" + ", scripts.stream().map(w -> w.script().name() + "@" + w.weight()).toList());
    }
}
