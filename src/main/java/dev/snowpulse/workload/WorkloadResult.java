package dev.snowpulse.workload;

import dev.snowpulse.workload.threshold.RunFigures;
import dev.snowpulse.workload.threshold.ThresholdCheck;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        long warmUpFailures,
        LatencySummary latency,
        boolean cancelled,
        String failure) {

    /** What thresholds judge: the figures after warm-up. */
    public RunFigures figures() {
        long ended = counts.total() - warmUpOrders - warmUpFailures;
        return new RunFigures(latency.count(), latency.mean(), latency.p50(), latency.p95(), latency.p99(), latency.max(),
                counts.ok() - warmUpOrders, ended - (counts.ok() - warmUpOrders), ordersPerSecond());
    }

    /** The spec's thresholds judged on this run, in the order given; empty when it had none. */
    public List<ThresholdCheck> thresholdChecks() {
        return ThresholdCheck.judge(spec.thresholds(), figures());
    }

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
