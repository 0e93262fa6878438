package dev.snowpulse.pipeline.local;

import dev.snowpulse.db.Jdbc;
import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.db.ServerMessages;
import dev.snowpulse.pipeline.PipelineNames;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the pipeline's started roots on PostgreSQL when their next run has come, while SnowPulse runs. Due roots are
 * claimed by the database's {@code claim_due()}, the same claim pg_cron's job makes, so no due root runs twice.
 */
public final class LocalScheduler implements AutoCloseable {

    private final PostgresEndpoint endpoint;
    private final PipelineNames names;
    private final LocalTaskRunner runner;
    private ScheduledExecutorService timer;
    private Connection connection;
    private Statement check;

    public LocalScheduler(PostgresEndpoint endpoint, PipelineNames names) {
        this.endpoint = endpoint;
        this.names = names;
        this.runner = new LocalTaskRunner(endpoint, names);
    }

    /** Runs every due graph once now; an undeployed pipeline has nothing due. */
    public synchronized List<LocalTaskRunner.GraphRun> runDue() throws SQLException {
        List<String> due = new ArrayList<>();
        try {
            Statement s = statement();
            try (ResultSet deployed = s.executeQuery("SELECT to_regclass('" + names.controlSchema().toLowerCase(java.util.Locale.ROOT) + ".tasks') IS NOT NULL")) {
                if (!deployed.next() || !deployed.getBoolean(1)) {
                    return List.of();
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT " + names.controlSchema() + ".claim_due()")) {
                while (rs.next()) {
                    due.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            closeConnection();
            throw e;
        }
        List<LocalTaskRunner.GraphRun> runs = new ArrayList<>();
        for (String root : due) {
            runs.add(runner.run(root, false));
        }
        return runs;
    }

    /** One connection for the checks, kept between ticks: a check every few seconds should not log in every time. */
    private Statement statement() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = endpoint.connect("snowpulse-scheduler");
            check = connection.createStatement();
        }
        return check;
    }

    /** The next check opens a new one. */
    private void closeConnection() {
        Jdbc.closeQuietly(connection);
        connection = null;
    }

    /** Checks for due graphs every {@code tick} on a daemon thread; {@code report} hears each run and each failure. */
    public synchronized void start(Duration tick, Consumer<String> report) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("snowpulse-scheduler").unstarted(r));
        timer.scheduleWithFixedDelay(() -> {
            try {
                runDue().forEach(run -> report.accept(run.describe()));
            } catch (SQLException e) {
                report.accept("scheduler: " + ServerMessages.firstLine(e) + " (SQLSTATE " + e.getSQLState() + ")");
            }
        }, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = timer;
            timer = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
            try {
                stopping.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            closeConnection();
        }
    }
}
