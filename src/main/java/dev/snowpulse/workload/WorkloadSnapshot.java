package dev.snowpulse.workload;

import java.time.Duration;

/**
 * The run as a sampler sees it at one moment: totals so far, and the last interval's rate of successful orders and
 * their latencies; for a script mix, each script's rate of successful transactions over the interval, in the plan's
 * order (empty otherwise). Rates use the measured elapsed time of the interval, not the nominal one.
 */
public record WorkloadSnapshot(
        Duration elapsed,
        OutcomeCounts counts,
        long warmUpOrders,
        double intervalOrdersPerSecond,
        LatencySummary intervalLatency,
        double progress,
        boolean finished,
        java.util.List<Double> intervalScriptRates) {

    public WorkloadSnapshot {
        intervalScriptRates = java.util.List.copyOf(intervalScriptRates);
    }
}
