package dev.snowpulse.workload.script;

/** A script in a mix with its weight ({@code -f file@weight}): picked with probability weight / sum of weights. */
public record WeightedScript(PgbenchScript script, int weight) {

    public WeightedScript {
        if (weight < 0 || weight > 1_000_000) {
            throw new IllegalArgumentException("weight " + weight + " of " + script.name() + " is outside 0..1000000");
        }
    }
}
