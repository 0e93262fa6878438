package dev.snowpulse.workload;

import dev.snowpulse.db.Jdbc;
import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.workload.script.ScriptClient;
import dev.snowpulse.workload.script.ScriptReport;
import dev.snowpulse.workload.script.ScriptStats;
import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One workload run: workers, each on a session of its own, calling place_order once per order (a prepared
 * statement in autocommit: the function is already one transaction). Every session is open before the clock
 * starts, as pgbench connects its clients first; the time that took is reported apart. Closed loop by default;
 * with a target rate, open loop, each order's latency measured from when it was meant to start, so a stall shows
 * as latency instead of vanishing (no coordinated omission). A dropped connection counts the order in flight once,
 * as connection lost, never retried; the worker reconnects with backoff and goes on, and in open loop every order
 * whose time comes while it has no connection counts as not sent, so the outcomes add up to the orders due.
 * Cancelling stops new orders; orders in flight finish, so every count stays exact. A worker that dies of anything
 * else fails the run, with the reason.
 */
public final class WorkloadRun {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(WorkloadRun.class.getName());
    private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final UUID id;
    private final WorkloadSpec spec;
    private final PostgresEndpoint endpoint;
    private final String applicationName;
    private final WorkloadHistory history;
    private final WorkloadStats stats = new WorkloadStats();
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final List<Thread> workers = new ArrayList<>();
    private final ScriptStats scriptStats;
    private final RunSeries series;
    private boolean recorded;
    private volatile String historyNote;
    private volatile List<SecondPoint> seconds = List.of();
    private final Duration connectTime;
    private final List<RunWarning> warnings;
    private final Instant startedAt;
    private final long startNanos;
    private final long deadlineNanos;
    private final long warmUpEndNanos;

    private long lastSampleNanos;
    private long lastSampleOrders;

    private WorkloadRun(UUID id, PostgresEndpoint endpoint, WorkloadSpec spec, String applicationName, Duration connectTime,
                        List<RunWarning> warnings) {
        this.id = id;
        this.endpoint = endpoint;
        this.scriptStats = spec.scripted() ? new ScriptStats(spec.scripts(), spec.scripts().reportPerCommand()) : null;
        this.spec = spec;
        this.history = new WorkloadHistory(endpoint);
        this.applicationName = applicationName;
        this.connectTime = connectTime;
        this.warnings = List.copyOf(warnings);
        this.startedAt = Instant.now();
        this.startNanos = System.nanoTime();
        this.deadlineNanos = spec.duration() == null ? Long.MAX_VALUE : startNanos + spec.duration().toNanos();
        this.warmUpEndNanos = startNanos + spec.warmUp().toNanos();
        this.lastSampleNanos = startNanos;
        this.series = new RunSeries(stats, startNanos);
    }

    /** Starts the workers at normal priority and records the run in workload_runs. */
    public static WorkloadRun start(PostgresEndpoint endpoint, WorkloadSpec spec) throws SQLException {
        return start(endpoint, spec, WorkerPriority.NORMAL);
    }

    /**
     * Opens every worker's session, checks the schema is there, records the run in workload_runs, then starts the
     * workers at {@code priority}. A refusal the user can act on is a {@link WorkloadRefused}.
     */
    public static WorkloadRun start(PostgresEndpoint endpoint, WorkloadSpec spec, WorkerPriority priority) throws SQLException {
        UUID id = UUID.randomUUID();
        // the sessions' name carries the run's short id, so pg_stat_activity, the Server tab and the history agree
        String applicationName = "snowpulse-workload-" + id.toString().substring(0, 8);
        WorkerSessions.Opened opened = WorkerSessions.open(endpoint, applicationName, spec.workers());
        List<Connection> sessions = opened.sessions();
        List<WorkerTransaction> transactions = new ArrayList<>();
        WorkloadRun run;
        try {
            List<RunWarning> warnings = List.of();
            if (!spec.scripted()) {
                long plannedUnits = spec.plannedOrders() < 0 ? -1 : spec.plannedOrders() * spec.maxQuantity();
                warnings = WorkloadTargetCheck.warnings(sessions.getFirst(), spec.maxCustomers(), spec.maxProducts(), plannedUnits);
            }
            run = new WorkloadRun(id, endpoint, spec, applicationName, opened.took(), warnings);
            SplittableRandom seeds = new SplittableRandom();
            long runSeed = seeds.nextLong();
            for (int i = 0; i < sessions.size(); i++) {
                WorkerTransaction tx = spec.scripted()
                        ? new ScriptTransaction(new ScriptClient(spec.scripts(), i, seeds.nextLong(), runSeed, run::sleepInScript, run.scriptStats))
                        : new PlaceOrderTransaction(spec);
                tx.prepare(sessions.get(i));
                transactions.add(tx);
            }
            run.recorded = run.history.started(sessions.getFirst(), run.id, applicationName, spec, run.startedAt);
        } catch (SQLException | RuntimeException e) {
            sessions.forEach(Jdbc::closeQuietly);
            throw e;
        }
        for (int i = 0; i < spec.workers(); i++) {
            int worker = i;
            Connection session = sessions.get(i);
            WorkerTransaction tx = transactions.get(i);
            Thread thread = Thread.ofPlatform().name("workload-" + i).daemon().unstarted(() -> {
                priority.applyToCurrentThread();
                run.work(worker, session, tx);
            });
            run.workers.add(thread);
        }
        run.workers.forEach(Thread::start);
        run.series.start();
        return run;
    }

    private void work(int worker, Connection session, WorkerTransaction tx) {
        try {
            runWorker(worker, session, tx);
        } catch (Throwable t) {
            failure.compareAndSet(null, "worker " + worker + " stopped: " + t);
            cancel();
        }
    }

    private void runWorker(int worker, Connection session, WorkerTransaction tx) {
        WorkloadSpec s = spec;
        long intervalNanos = s.intervalNanos();
        long nextIntended = startNanos + s.firstOffsetNanos(worker);
        long limit = s.ordersPerWorker() == null ? Long.MAX_VALUE : s.ordersPerWorker();
        long lateAfter = s.latencyLimit() == null ? Long.MAX_VALUE : s.latencyLimit().toNanos();
        Connection connection = session;
        long backoff = FIRST_BACKOFF_NANOS;
        long reconnectAt = 0;
        try {
            for (long done = 0; done < limit && cancelled.getCount() > 0; ) {
                long intended;
                if (s.openLoop()) {
                    intended = nextIntended;
                    nextIntended += intervalNanos;
                    if (intended >= deadlineNanos || !waitUntil(intended)) {
                        break;
                    }
                    if (System.nanoTime() - intended > lateAfter) {
                        // pgbench's rule: already later than the limit when its turn comes, so it is not sent at all
                        done++;
                        stats.skipped(intended < warmUpEndNanos);
                        continue;
                    }
                } else {
                    intended = System.nanoTime();
                    if (intended >= deadlineNanos) {
                        break;
                    }
                }
                if (connection == null) {
                    long wait = reconnectAt - System.nanoTime();
                    if (wait > 0) {
                        if (s.openLoop()) {
                            done++;
                            stats.notSent(intended < warmUpEndNanos);
                            continue;
                        }
                        if (!pause(wait)) {
                            break;
                        }
                        continue;
                    }
                    try {
                        connection = endpoint.connect(applicationName);
                        tx.prepare(connection);
                        backoff = FIRST_BACKOFF_NANOS;
                    } catch (SQLException e) {
                        Jdbc.closeQuietly(connection);
                        connection = null;
                        reconnectAt = System.nanoTime() + backoff;
                        backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
                        if (s.openLoop()) {
                            done++;
                            stats.notSent(intended < warmUpEndNanos);
                        }
                        continue;
                    }
                }
                done++;
                try {
                    tx.run();
                    long end = System.nanoTime();
                    stats.ok(end - intended, intended < warmUpEndNanos);
                    if (end - intended > lateAfter) {
                        stats.late(intended < warmUpEndNanos);
                    }
                    tx.ended(end - intended, true, intended < warmUpEndNanos);
                } catch (SQLException e) {
                    Outcome outcome = Outcome.of(e);
                    if (outcome != Outcome.CONNECTION_LOST && isBroken(connection)) {
                        outcome = Outcome.CONNECTION_LOST;
                    }
                    stats.failed(outcome, e.getSQLState(), intended < warmUpEndNanos);
                    tx.ended(System.nanoTime() - intended, false, intended < warmUpEndNanos);
                    if (outcome == Outcome.CONNECTION_LOST) {
                        Jdbc.closeQuietly(connection);
                        connection = null;
                    }
                }
            }
        } finally {
            Jdbc.closeQuietly(connection);
        }
    }

    /** A script's \\sleep: cut short when the run is cancelled, so the transaction it is in still ends. */
    private void sleepInScript(long nanos) {
        if (nanos > 0) {
            pause(nanos);
        }
    }

    /** After {@link #await()}: the run second by second, as stored with it. */
    public List<SecondPoint> seconds() {
        return seconds;
    }

    /** After {@link #await()}: what the run's history could not keep (its row, or its thresholds), if anything. */
    public java.util.Optional<String> historyNote() {
        return java.util.Optional.ofNullable(historyNote);
    }

    /** With a latency limit: late and skipped transactions so far, after warm-up (pgbench's --latency-limit). */
    public LatencyLimitCounts latencyLimitCounts() {
        return stats.latencyLimit();
    }

    /** Scripted runs: serialization failures and deadlocks tried again so far (pgbench's "retried"). */
    public long retried() {
        return scriptStats == null ? 0 : scriptStats.retries();
    }

    /** A scripted run's figures per script (and per command with -r), over the measured time after warm-up. */
    public List<ScriptReport> scriptReport(Duration elapsed) {
        if (scriptStats == null) {
            return List.of();
        }
        return scriptStats.report(elapsed.minus(spec.warmUp()).toNanos() / 1e9);
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

    // each script's successful transactions at the previous sample, for a mix's per-script rates
    private long[] lastSampleScriptOk;

    /** Totals so far and the interval since the previous sample. Call at a fixed pace (the UI: 4 Hz at most). */
    public synchronized WorkloadSnapshot sample() {
        long now = System.nanoTime();
        OutcomeCounts counts = stats.counts();
        Histogram interval = stats.drainInterval();
        double seconds = (now - lastSampleNanos) / 1e9;
        double rate = seconds <= 0 ? 0 : (counts.ok() - lastSampleOrders) / seconds;
        lastSampleNanos = now;
        lastSampleOrders = counts.ok();
        List<Double> scriptRates = new ArrayList<>();
        if (scriptStats != null && spec.scripts().scripts().size() > 1) {
            long[] ok = scriptStats.succeeded();
            for (int i = 0; i < ok.length; i++) {
                long before = lastSampleScriptOk == null ? 0 : lastSampleScriptOk[i];
                scriptRates.add(seconds <= 0 ? 0 : (ok[i] - before) / seconds);
            }
            lastSampleScriptOk = ok;
        }
        return new WorkloadSnapshot(Duration.ofNanos(now - startNanos), counts, stats.warmUpOrders(), rate,
                LatencySummary.of(interval), progress(now, counts), isFinished(), scriptRates);
    }

    /** Time since the run's clock started (after every session was open). */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** How long opening every worker's session took, before the clock started. */
    public Duration connectTime() {
        return connectTime;
    }

    /** What the check before the start found odd but not fatal (ids beyond the database's). */
    public List<RunWarning> warnings() {
        return warnings;
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
            // a transaction skipped under --latency-limit is one of the planned, ended without an outcome
            LatencyLimitCounts limit = stats.latencyLimit();
            return Math.min(1.0, (counts.total() + limit.skipped() + limit.warmUpSkipped()) / (double) spec.plannedOrders());
        }
        return Math.min(1.0, (now - startNanos) / (double) spec.duration().toNanos());
    }

    /** Waits for every worker, records the outcome in workload_runs and returns it. */
    public WorkloadResult await() throws InterruptedException {
        for (Thread worker : workers) {
            worker.join();
        }
        long end = System.nanoTime();
        stats.drainInterval();
        seconds = series.finish();
        String failed = failure.get();
        WorkloadResult result = new WorkloadResult(id, spec, startedAt, Instant.now(), Duration.ofNanos(end - startNanos),
                connectTime, stats.counts(), stats.warmUpOrders(), stats.warmUpFailures(), LatencySummary.of(stats.total()),
                failed == null && cancelled.getCount() == 0, failed);
        try {
            if (recorded) {
                historyNote = history.finished(result, seconds).orElse(null);
            }
        } catch (SQLException e) {
            // the run itself is done and its numbers are returned; only its row stays "running"
            historyNote = "its row in workload_runs was not updated: " + dev.snowpulse.db.ServerMessages.firstLine(e);
        }
        if (historyNote != null) {
            LOG.info("run " + id + ": " + historyNote);
        }
        return result;
    }

    public String applicationName() {
        return applicationName;
    }
}
