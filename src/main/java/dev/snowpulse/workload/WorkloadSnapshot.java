package dev.snowpulse.workload;

import java.time.Duration;

/**
 * The run as a sampler sees it at one moment: totals so far, and the last interval's rate of successful orders and
 * their latencies. Rates use the measured elapsed time of the interval, not the nominal one.
 */
public record WorkloadSnapshot(
        Duration elapsed,
        OutcomeCounts counts,
        long warmUpOrders,
        double intervalOrdersPerSecond,
        LatencySummary intervalLatency,
        double progress,
        boolean finished) {
}
