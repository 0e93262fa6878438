package dev.snowpulse.workload;

import dev.snowpulse.db.ConnectionProblems;
import dev.snowpulse.db.Jdbc;
import dev.snowpulse.db.PostgresEndpoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A batch of place_order calls every interval, on one connection, until cancelled. Batches start on a fixed
 * schedule (a slow batch does not push the next ones back). When the connection is lost, the order in flight
 * counts once as connection lost, the rest of that batch as not sent, and the next batch reconnects; a batch
 * that cannot reach the database is skipped, its orders counted as not sent, so an ingest outlives a database
 * restart and every order of every batch ends in one outcome.
 */
public final class ContinuousIngest {

    private static final String PLACE_ORDER = "select place_order(?, ?, ?)";

    private final PostgresEndpoint endpoint;
    private final IngestSpec spec;
    private final Consumer<IngestBatch> onBatch;
    private final String applicationName = "snowpulse-ingest-" + UUID.randomUUID().toString().substring(0, 8);
    private final WorkloadStats stats = new WorkloadStats();
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final Thread thread;
    private Connection connection;
    private volatile String failure;
    private PreparedStatement statement;

    private ContinuousIngest(PostgresEndpoint endpoint, IngestSpec spec, Consumer<IngestBatch> onBatch) {
        this.endpoint = endpoint;
        this.spec = spec;
        this.onBatch = onBatch;
        this.thread = Thread.ofPlatform().name(applicationName).daemon().unstarted(this::run);
    }

    /** Starts batching; {@code onBatch} hears of each batch on the ingest's own thread. */
    public static ContinuousIngest start(PostgresEndpoint endpoint, IngestSpec spec, Consumer<IngestBatch> onBatch) {
        return prepare(endpoint, spec, onBatch).begin();
    }

    /** An ingest that has its session name but has not started, for callers that announce it first. */
    public static ContinuousIngest prepare(PostgresEndpoint endpoint, IngestSpec spec, Consumer<IngestBatch> onBatch) {
        return new ContinuousIngest(endpoint, spec, onBatch);
    }

    public ContinuousIngest begin() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            runBatches();
        } catch (Throwable t) {
            failure = "stopped: " + t;
        }
    }

    private void runBatches() {
        long start = System.nanoTime();
        long interval = spec.interval().toNanos();
        try {
            for (long n = 1; spec.batches() == null || n <= spec.batches(); n++) {
                long due = start + (n - 1) * interval;
                long wait = due - System.nanoTime();
                if (wait > 0 && awaitCancel(wait) || cancelled.getCount() == 0) {
                    return;
                }
                onBatch.accept(batch(n));
            }
        } finally {
            closeConnection();
        }
    }

    private IngestBatch batch(long number) {
        Instant at = Instant.now();
        long began = System.nanoTime();
        OutcomeCounts before = stats.counts();
        if (connection == null) {
            try {
                connection = endpoint.connect(applicationName);
                statement = connection.prepareStatement(PLACE_ORDER);
            } catch (SQLException e) {
                closeConnection();
                for (int i = 0; i < spec.batchSize(); i++) {
                    stats.notSent();
                }
                return new IngestBatch(number, at, stats.counts().minus(before), Duration.ofNanos(System.nanoTime() - began),
                        "database unreachable (" + ConnectionProblems.explain(endpoint.settings(), e) + "); the next batch tries again");
            }
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < spec.batchSize(); i++) {
            long t0 = System.nanoTime();
            try {
                statement.setInt(1, 1 + random.nextInt(spec.maxCustomers()));
                statement.setInt(2, 1 + random.nextInt(spec.maxProducts()));
                statement.setInt(3, random.nextInt(spec.minQuantity(), spec.maxQuantity() + 1));
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                }
                stats.ok(System.nanoTime() - t0, false);
            } catch (SQLException e) {
                Outcome outcome = Outcome.of(e);
                stats.failed(outcome, e.getSQLState());
                if (outcome == Outcome.CONNECTION_LOST) {
                    closeConnection();
                    for (int rest = i + 1; rest < spec.batchSize(); rest++) {
                        stats.notSent();
                    }
                    break;
                }
            }
        }
        return new IngestBatch(number, at, stats.counts().minus(before), Duration.ofNanos(System.nanoTime() - began), null);
    }

    private boolean awaitCancel(long nanos) {
        try {
            return cancelled.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void closeConnection() {
        Jdbc.closeQuietly(connection);
        connection = null;
        statement = null;
    }

    /** Stops before the next batch; a batch in progress finishes. */
    public void cancel() {
        cancelled.countDown();
    }

    /** Waits until the ingest has stopped (cancelled, or its batches done) and returns its totals. */
    public OutcomeCounts await() throws InterruptedException {
        thread.join();
        return stats.counts();
    }

    /** Why the ingest stopped by itself on something other than the database's answers, once it has stopped. */
    public java.util.Optional<String> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    public String applicationName() {
        return applicationName;
    }
}
