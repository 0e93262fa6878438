package dev.snowpulse.workload;

import dev.snowpulse.db.Jdbc;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.snowpulse.db.JdbcTarget;
import dev.snowpulse.db.PostgresEndpoint;
import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One workload run: workers, each on its own connection from a pool of their own, calling place_order once per
 * order (a prepared statement in autocommit: the function is already one transaction). Closed loop by default;
 * with a target rate, open loop, each order's latency measured from when it was meant to start, so a stall shows
 * as latency instead of vanishing (no coordinated omission). A dropped connection counts the order in flight once,
 * as connection lost, never retried; the worker reconnects with backoff and goes on. Cancelling stops new orders;
 * orders in flight finish, so every count stays exact.
 */
public final class WorkloadRun {

    private static final String PLACE_ORDER = "select place_order(?, ?, ?)";
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final UUID id = UUID.randomUUID();
    private final WorkloadSpec spec;
    private final String applicationName;
    private final HikariDataSource pool;
    private final WorkloadHistory history;
    private final WorkloadStats stats = new WorkloadStats();
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final List<Thread> workers = new ArrayList<>();
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private final long warmUpEndNanos;

    private long lastSampleNanos;
    private long lastSampleOrders;

    private WorkloadRun(PostgresEndpoint endpoint, WorkloadSpec spec, WorkloadHistory history) {
        this.spec = spec;
        this.history = history;
        this.applicationName = "snowpulse-workload-" + id.toString().substring(0, 8);
        this.pool = pool(endpoint, spec.workers(), applicationName);
        this.deadlineNanos = spec.duration() == null ? Long.MAX_VALUE : startNanos + spec.duration().toNanos();
        this.warmUpEndNanos = startNanos + spec.warmUp().toNanos();
        this.lastSampleNanos = startNanos;
    }

    /** Starts the workers at normal priority and records the run in workload_runs. */
    public static WorkloadRun start(PostgresEndpoint endpoint, WorkloadSpec spec) throws SQLException {
        return start(endpoint, spec, WorkerPriority.NORMAL);
    }

    /** Starts the workers at {@code priority} and records the run in workload_runs. */
    public static WorkloadRun start(PostgresEndpoint endpoint, WorkloadSpec spec, WorkerPriority priority) throws SQLException {
        WorkloadHistory history = new WorkloadHistory(endpoint);
        WorkloadRun run = new WorkloadRun(endpoint, spec, history);
        try {
            history.started(run.id, run.applicationName, spec, run.startedAt);
        } catch (SQLException e) {
            run.pool.close();
            throw e;
        }
        for (int i = 0; i < spec.workers(); i++) {
            int worker = i;
            Thread thread = Thread.ofPlatform().name("workload-" + i).daemon().unstarted(() -> {
                priority.applyToCurrentThread();
                work(run, worker);
            });
            run.workers.add(thread);
        }
        run.workers.forEach(Thread::start);
        return run;
    }

    private static HikariDataSource pool(PostgresEndpoint endpoint, int size, String applicationName) {
        JdbcTarget target = endpoint.target(PostgresEndpoint.DEFAULT_TIMEOUT);
        HikariConfig config = new HikariConfig();
        config.setPoolName(applicationName);
        config.setJdbcUrl(target.url());
        target.properties().forEach((k, v) -> config.addDataSourceProperty(k.toString(), v));
        config.addDataSourceProperty("ApplicationName", applicationName);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setAutoCommit(true);
        config.setConnectionTimeout(TimeUnit.SECONDS.toMillis(10));
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    private static void work(WorkloadRun run, int worker) {
        run.runWorker(worker);
    }

    private void runWorker(int worker) {
        WorkloadSpec s = spec;
        long intervalNanos = s.openLoop() ? (long) (1e9 * s.workers() / s.targetRate()) : 0;
        long nextIntended = startNanos + (s.openLoop() ? intervalNanos * worker / s.workers() : 0);
        long limit = s.ordersPerWorker() == null ? Long.MAX_VALUE : s.ordersPerWorker();
        Connection connection = null;
        PreparedStatement statement = null;
        long backoff = TimeUnit.MILLISECONDS.toNanos(50);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            for (long done = 0; done < limit && cancelled.getCount() > 0; ) {
                long intended;
                if (s.openLoop()) {
                    intended = nextIntended;
                    nextIntended += intervalNanos;
                    if (intended >= deadlineNanos || !waitUntil(intended)) {
                        break;
                    }
                } else {
                    intended = System.nanoTime();
                    if (intended >= deadlineNanos) {
                        break;
                    }
                }
                if (connection == null) {
                    try {
                        connection = pool.getConnection();
                        statement = connection.prepareStatement(PLACE_ORDER);
                        backoff = TimeUnit.MILLISECONDS.toNanos(50);
                    } catch (SQLException e) {
                        Jdbc.closeQuietly(connection);
                        connection = null;
                        if (!pause(backoff)) {
                            break;
                        }
                        backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
                        continue; // no order was attempted
                    }
                }
                done++;
                try {
                    statement.setInt(1, random.nextInt(1, s.maxCustomers() + 1));
                    statement.setInt(2, random.nextInt(1, s.maxProducts() + 1));
                    statement.setInt(3, random.nextInt(s.minQuantity(), s.maxQuantity() + 1));
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                    }
                    long end = System.nanoTime();
                    stats.ok(end - intended, intended < warmUpEndNanos);
                } catch (SQLException e) {
                    Outcome outcome = Outcome.of(e);
                    if (outcome != Outcome.CONNECTION_LOST && isBroken(connection)) {
                        outcome = Outcome.CONNECTION_LOST;
                    }
                    stats.failed(outcome, e.getSQLState());
                    if (outcome == Outcome.CONNECTION_LOST) {
                        pool.evictConnection(connection);
                        connection = null;
                        statement = null;
                    }
                }
            }
        } finally {
            Jdbc.closeQuietly(connection);
        }
    }

    /** Parks until the intended start; false when the run is cancelled meanwhile. */
    private boolean waitUntil(long intendedNanos) {
        long wait = intendedNanos - System.nanoTime();
        return wait <= 0 || pause(wait);
    }

    private boolean pause(long nanos) {
        try {
            return !cancelled.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isBroken(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** Stops taking new orders; orders in flight finish. */
    public void cancel() {
        cancelled.countDown();
    }

    public boolean isFinished() {
        return workers.stream().noneMatch(Thread::isAlive);
    }

    /** Totals so far, without starting a new sampling interval. */
    public OutcomeCounts counts() {
        return stats.counts();
    }

    /** Totals so far and the interval since the previous sample. Call at a fixed pace (the UI: 4 Hz at most). */
    public synchronized WorkloadSnapshot sample() {
        long now = System.nanoTime();
        OutcomeCounts counts = stats.counts();
        Histogram interval = stats.drainInterval();
        double seconds = (now - lastSampleNanos) / 1e9;
        double rate = seconds <= 0 ? 0 : (counts.ok() - lastSampleOrders) / seconds;
        lastSampleNanos = now;
        lastSampleOrders = counts.ok();
        return new WorkloadSnapshot(Duration.ofNanos(now - startNanos), counts, stats.warmUpOrders(), rate,
                LatencySummary.of(interval), progress(now, counts), isFinished());
    }

    /** Time since the run started. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** How far the run is, 0..1: by orders when it is bounded by a count, else by time. */
    public double progress() {
        return progress(System.nanoTime(), stats.counts());
    }

    public WorkloadSpec spec() {
        return spec;
    }

    private double progress(long now, OutcomeCounts counts) {
        if (spec.plannedOrders() > 0) {
            return Math.min(1.0, counts.attempted() / (double) spec.plannedOrders());
        }
        return Math.min(1.0, (now - startNanos) / (double) spec.duration().toNanos());
    }

    /** Waits for every worker, closes the pool, records the outcome in workload_runs and returns it. */
    public WorkloadResult await() throws InterruptedException {
        for (Thread worker : workers) {
            worker.join();
        }
        long end = System.nanoTime();
        pool.close();
        stats.drainInterval();
        WorkloadResult result = new WorkloadResult(id, spec, startedAt, Instant.now(), Duration.ofNanos(end - startNanos),
                stats.counts(), stats.warmUpOrders(), LatencySummary.of(stats.total()), cancelled.getCount() == 0);
        try {
            history.finished(result);
        } catch (SQLException e) {
            // the run itself is done and its numbers are returned; only its row stays "running"
        }
        return result;
    }

    public String applicationName() {
        return applicationName;
    }
}
