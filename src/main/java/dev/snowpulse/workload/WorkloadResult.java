package dev.snowpulse.workload;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A finished (or cancelled) run: what it did, how fast, and how orders ended. */
public record WorkloadResult(
        UUID runId,
        WorkloadSpec spec,
        Instant startedAt,
        Instant endedAt,
        Duration elapsed,
        OutcomeCounts counts,
        long warmUpOrders,
        LatencySummary latency,
        boolean cancelled) {

    /** Successful orders per second after warm-up, over the measured time after warm-up. */
    public double ordersPerSecond() {
        double seconds = elapsed.minus(spec.warmUp()).toNanos() / 1e9;
        return seconds <= 0 ? 0 : (counts.ok() - warmUpOrders) / seconds;
    }
}
