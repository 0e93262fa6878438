package dev.snowpulse.workload;

/**
 * What pgbench's {@code --latency-limit} counts after warm-up: successful transactions that took longer than the
 * limit from when they were due ({@code late}), and, with a target rate, those not sent because they were already
 * later than the limit when their turn came ({@code skipped}).
 */
public record LatencyLimitCounts(long late, long skipped) {

    public static final LatencyLimitCounts NONE = new LatencyLimitCounts(0, 0);
}
