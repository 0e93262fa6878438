package dev.snowpulse.workload;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts and latencies, recorded by many workers without locks (LongAdder, HdrHistogram's Recorder) and read by
 * a sampler at its own pace. Latencies are in microseconds, up to one hour.
 */
final class WorkloadStats {

    private final Map<Outcome, LongAdder> counts = new EnumMap<>(Outcome.class);
    private final Map<String, LongAdder> otherBySqlState = new ConcurrentHashMap<>();
    private final LongAdder warmUpOrders = new LongAdder();
    private final LongAdder warmUpFailures = new LongAdder();
    // pgbench's --latency-limit: after warm-up, transactions that took longer, and those skipped as already too late
    private final LongAdder late = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder warmUpSkipped = new LongAdder();
    private final Recorder recorder = new Recorder(TimeUnit.HOURS.toMicros(1), 3);
    /** The same latencies again, warm-up included, for the run's stored second-by-second series. */
    private final Recorder secondRecorder = new Recorder(TimeUnit.HOURS.toMicros(1), 3);
    private Histogram second;
    private final Histogram total = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
    private Histogram interval;

    WorkloadStats() {
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, new LongAdder());
        }
    }

    void ok(long latencyNanos, boolean warmingUp) {
        counts.get(Outcome.OK).increment();
        long micros = Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMicros(latencyNanos), TimeUnit.HOURS.toMicros(1)));
        secondRecorder.recordValue(micros);
        if (warmingUp) {
            warmUpOrders.increment();
        } else {
            recorder.recordValue(micros);
        }
    }

    void failed(Outcome outcome, String sqlState) {
        failed(outcome, sqlState, false);
    }

    void failed(Outcome outcome, String sqlState, boolean warmingUp) {
        counts.get(outcome).increment();
        if (warmingUp) {
            warmUpFailures.increment();
        }
        if (outcome == Outcome.OTHER_SQL_ERROR) {
            otherBySqlState.computeIfAbsent(sqlState == null ? "?????" : sqlState, s -> new LongAdder()).increment();
        }
    }

    void notSent() {
        notSent(false);
    }

    void notSent(boolean warmingUp) {
        counts.get(Outcome.NOT_SENT).increment();
        if (warmingUp) {
            warmUpFailures.increment();
        }
    }

    OutcomeCounts counts() {
        Map<String, Long> other = new java.util.HashMap<>();
        otherBySqlState.forEach((state, n) -> other.put(state, n.sum()));
        return new OutcomeCounts(counts.get(Outcome.OK).sum(), counts.get(Outcome.OUT_OF_STOCK).sum(),
                counts.get(Outcome.INVALID_INPUT).sum(), counts.get(Outcome.CONNECTION_LOST).sum(), counts.get(Outcome.NOT_SENT).sum(),
                counts.get(Outcome.OTHER_SQL_ERROR).sum(), other);
    }

    void late(boolean warmingUp) {
        if (!warmingUp) {
            late.increment();
        }
    }

    void skipped(boolean warmingUp) {
        (warmingUp ? warmUpSkipped : skipped).increment();
    }

    LatencyLimitCounts latencyLimit() {
        return new LatencyLimitCounts(late.sum(), skipped.sum(), warmUpSkipped.sum());
    }

    long warmUpOrders() {
        return warmUpOrders.sum();
    }

    /** Orders of the warm-up that failed or were not sent: left out of the error share thresholds judge. */
    long warmUpFailures() {
        return warmUpFailures.sum();
    }

    /** Moves what was recorded since the last call into the run's total; returns the interval's latencies. */
    synchronized Histogram drainInterval() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return interval.copy();
    }

    /** The latencies recorded since the series' last call, for one point of it. */
    synchronized Histogram drainSecond() {
        second = secondRecorder.getIntervalHistogram(second);
        return second;
    }

    synchronized Histogram total() {
        return total.copy();
    }
}
