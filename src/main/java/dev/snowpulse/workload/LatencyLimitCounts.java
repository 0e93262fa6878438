package dev.snowpulse.workload;

/**
 * What pgbench's {@code --latency-limit} counts: successful transactions after warm-up that took longer than the
 * limit from when they were due ({@code late}), and, with a target rate, those not sent because they were already
 * later than the limit when their turn came ({@code skipped} after warm-up, {@code warmUpSkipped} during it). A
 * skipped transaction has no outcome: it is not among {@link OutcomeCounts}, and it is one of the planned or due.
 */
public record LatencyLimitCounts(long late, long skipped, long warmUpSkipped) {
}
