package dev.snowpulse.workload;

import dev.snowpulse.workload.script.ScriptPlan;
import dev.snowpulse.workload.threshold.Threshold;

import dev.snowpulse.validation.Checks;
import dev.snowpulse.validation.FieldError;

import java.time.Duration;
import java.util.List;

/**
 * What a workload run does: how many workers call place_order, for how many orders each or for how long, on which
 * customer and product ids (1..N, as the seed project's run_workload), with which quantities, at what pace.
 * Every value is checked here and a bad one is refused with the field and its allowed range.
 *
 * @param targetRate orders per second for the whole run (open loop), or null to go as fast as the database allows
 * @param warmUp     time at the start whose orders run but stay out of the latency and throughput figures
 * @param scripts    the pgbench scripts each transaction runs, or null for the demo's place_order (an "order" is then
 *                   one script transaction)
 * @param thresholds what the run must meet to pass ({@code p95<20ms}), judged after the warm-up; empty for none
 * @param latencyLimit pgbench's {@code --latency-limit}: transactions that take longer (from when they were due) are
 *                   counted as late; with a target rate, one already later than this when its turn comes is skipped,
 *                   not sent; null for none
 */
public record WorkloadSpec(
        int workers,
        Integer ordersPerWorker,
        Duration duration,
        int maxCustomers,
        int maxProducts,
        int minQuantity,
        int maxQuantity,
        Double targetRate,
        Duration warmUp,
        ScriptPlan scripts,
        List<Threshold> thresholds,
        Duration latencyLimit) {

    public static final int MAX_WORKERS = 256;
    /** The seed project's run_workload: 250 orders per worker. */
    public static final int SEED_ORDERS_PER_WORKER = 250;

    /** The keys of {@link FieldError#field()} for this record's values. */
    public static final String WORKERS = "workers", ORDERS_PER_WORKER = "orders per worker", DURATION = "duration",
            MAX_CUSTOMERS = "max customers", MAX_PRODUCTS = "max products", MIN_QUANTITY = "min quantity",
            MAX_QUANTITY = "max quantity", RATE = "rate", WARM_UP = "warm-up", LATENCY_LIMIT = "latency limit";

    public WorkloadSpec {
        Checks.range(WORKERS, workers, 1, MAX_WORKERS);
        if ((ordersPerWorker == null) == (duration == null)) {
            throw new FieldError(ORDERS_PER_WORKER, "orders per worker or duration", "give exactly one of them");
        }
        if (ordersPerWorker != null) {
            Checks.range(ORDERS_PER_WORKER, ordersPerWorker, 1, 10_000_000);
        }
        if (duration != null && (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(1)) > 0)) {
            throw new FieldError(DURATION, duration.toSeconds() + " s is outside 1 s..24 h");
        }
        Checks.range(MAX_CUSTOMERS, maxCustomers, 1, Integer.MAX_VALUE);
        Checks.range(MAX_PRODUCTS, maxProducts, 1, Integer.MAX_VALUE);
        Checks.range(MIN_QUANTITY, minQuantity, 1, 1_000);
        Checks.range(MAX_QUANTITY, maxQuantity, minQuantity, 1_000);
        if (targetRate != null && !(targetRate >= 0.1 && targetRate <= 1_000_000)) {
            throw new FieldError(RATE, targetRate + " orders/s is outside 0.1..1000000");
        }
        warmUp = warmUp == null ? Duration.ZERO : warmUp;
        if (warmUp.isNegative() || duration != null && warmUp.compareTo(duration) >= 0) {
            throw new FieldError(WARM_UP, "must be zero or more and shorter than the duration");
        }
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
        if (latencyLimit != null && (latencyLimit.isNegative() || latencyLimit.isZero() || latencyLimit.compareTo(Duration.ofHours(1)) > 0)) {
            throw new FieldError(LATENCY_LIMIT, "must be more than 0 and at most an hour");
        }
    }

    /** A place_order run, as the seed project's run_workload. */
    public WorkloadSpec(int workers, Integer ordersPerWorker, Duration duration, int maxCustomers, int maxProducts,
                        int minQuantity, int maxQuantity, Double targetRate, Duration warmUp) {
        this(workers, ordersPerWorker, duration, maxCustomers, maxProducts, minQuantity, maxQuantity, targetRate, warmUp, null, List.of(), null);
    }

    /** The same run with each transaction one of {@code plan}'s scripts. */
    public WorkloadSpec withScripts(ScriptPlan plan) {
        return new WorkloadSpec(workers, ordersPerWorker, duration, maxCustomers, maxProducts, minQuantity, maxQuantity, targetRate,
                warmUp, plan, thresholds, latencyLimit);
    }

    /** The same run, judged pass or fail by {@code checks}. */
    public WorkloadSpec withThresholds(List<Threshold> checks) {
        return new WorkloadSpec(workers, ordersPerWorker, duration, maxCustomers, maxProducts, minQuantity, maxQuantity, targetRate,
                warmUp, scripts, checks, latencyLimit);
    }

    /** The same run with pgbench's {@code --latency-limit}. */
    public WorkloadSpec withLatencyLimit(Duration limit) {
        return new WorkloadSpec(workers, ordersPerWorker, duration, maxCustomers, maxProducts, minQuantity, maxQuantity, targetRate,
                warmUp, scripts, thresholds, limit);
    }

    public boolean scripted() {
        return scripts != null;
    }

    /** The seed project's defaults: 4 workers, 250 orders each, customers and products 1..10, one unit. */
    public static WorkloadSpec seedDefaults() {
        return new WorkloadSpec(4, SEED_ORDERS_PER_WORKER, null, 10, 10, 1, 1, null, Duration.ZERO);
    }

    public boolean openLoop() {
        return targetRate != null;
    }

    /** Orders the run will attempt, when it is bounded by a count. */
    public long plannedOrders() {
        return ordersPerWorker == null ? -1 : (long) workers * ordersPerWorker;
    }

    /** In open loop, the time between one worker's orders: every worker runs at rate / workers. */
    public long intervalNanos() {
        return openLoop() ? (long) (1e9 * workers / targetRate) : 0;
    }

    /** In open loop, when worker {@code worker}'s first order is due after the start: the workers take turns evenly. */
    public long firstOffsetNanos(int worker) {
        return openLoop() ? intervalNanos() * worker / workers : 0;
    }

    /**
     * In open loop with a duration, how many orders fall due before it ends: each ends in exactly one outcome, or,
     * with a latency limit, is skipped ({@link LatencyLimitCounts}).
     */
    public long dueOrders() {
        if (!openLoop() || duration == null) {
            throw new IllegalStateException("only an open-loop run with a duration has a number of orders due");
        }
        long interval = intervalNanos();
        long total = 0;
        for (int w = 0; w < workers; w++) {
            long window = duration.toNanos() - firstOffsetNanos(w);
            long due = window <= 0 ? 0 : (window + interval - 1) / interval;
            total += ordersPerWorker == null ? due : Math.min(due, ordersPerWorker);
        }
        return total;
    }
}
