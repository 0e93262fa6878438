package dev.snowpulse.workload;

/**
 * One second of a run, as stored with it for comparisons: successful and failed transactions that ended in it, and
 * the successful ones' latency percentiles in milliseconds (null when none succeeded in that second).
 *
 * @param second seconds since the run's clock started, at the end of the interval (1 for the first)
 */
public record SecondPoint(int second, long ok, long failed, Double p50Ms, Double p95Ms, Double p99Ms) {
}
