package dev.snowpulse.workload;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A finished (or cancelled, or failed) run: what it did, how fast, and how orders ended.
 *
 * @param elapsed     the measured time, from the start of the clock, after every session was open
 * @param connectTime how long opening every worker's session took before that (pgbench's initial connection time)
 * @param failure     why the run failed (a worker died), or null
 */
public record WorkloadResult(
        UUID runId,
        WorkloadSpec spec,
        Instant startedAt,
        Instant endedAt,
        Duration elapsed,
        Duration connectTime,
        OutcomeCounts counts,
        long warmUpOrders,
        LatencySummary latency,
        boolean cancelled,
        String failure) {

    public boolean failed() {
        return failure != null;
    }

    /** completed, cancelled or failed: the status workload_runs keeps. */
    public String status() {
        return failed() ? "failed" : cancelled ? "cancelled" : "completed";
    }

    /** Successful orders per second after warm-up, over the measured time after warm-up. */
    public double ordersPerSecond() {
        double seconds = elapsed.minus(spec.warmUp()).toNanos() / 1e9;
        return seconds <= 0 ? 0 : (counts.ok() - warmUpOrders) / seconds;
    }
}
