package dev.snowpulse.workload.threshold;

/**
 * What thresholds are judged on: a run's figures after its warm-up. Latencies in milliseconds, over the successful
 * transactions; {@code latencyCount} 0 when none succeeded.
 */
public record RunFigures(long latencyCount, double avg, double p50, double p95, double p99, double max, long ok, long failed,
                         double ratePerSecond) {

    /** Failed as a share of all that ended, in per cent; 0 when none ended. */
    public double errorPercent() {
        long ended = ok + failed;
        return ended == 0 ? 0 : 100.0 * failed / ended;
    }
}
