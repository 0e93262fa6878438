package dev.snowpulse.pipeline.local;

import dev.snowpulse.db.PostgresEndpoint;
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
 * Runs the pipeline's started roots on PostgreSQL when their next run has come, while SnowPulse runs. Each due root is
 * claimed (its next run moved on) in one statement with SKIP LOCKED, so several SnowPulse processes on one database
 * never run the same due root twice.
 */
public final class LocalScheduler implements AutoCloseable {

    private final PostgresEndpoint endpoint;
    private final PipelineNames names;
    private final LocalTaskRunner runner;
    private ScheduledExecutorService timer;

    public LocalScheduler(PostgresEndpoint endpoint, PipelineNames names) {
        this.endpoint = endpoint;
        this.names = names;
        this.runner = new LocalTaskRunner(endpoint, names);
    }

    /** Runs every due graph once now; an undeployed pipeline has nothing due. */
    public List<LocalTaskRunner.GraphRun> runDue() throws SQLException {
        List<String> due = new ArrayList<>();
        try (Connection c = endpoint.connect("snowpulse-scheduler"); Statement s = c.createStatement()) {
            try (ResultSet deployed = s.executeQuery("SELECT to_regclass('" + names.controlSchema().toLowerCase(java.util.Locale.ROOT) + ".tasks') IS NOT NULL")) {
                if (!deployed.next() || !deployed.getBoolean(1)) {
                    return List.of();
                }
            }
            try (ResultSet rs = s.executeQuery("UPDATE " + names.controlSchema() + ".tasks t SET next_run = now() + t.schedule "
                    + "WHERE t.task_name IN (SELECT task_name FROM " + names.controlSchema() + ".tasks WHERE predecessor IS NULL "
                    + "AND state = 'started' AND next_run <= now() FOR UPDATE SKIP LOCKED) RETURNING t.task_name")) {
                while (rs.next()) {
                    due.add(rs.getString(1));
                }
            }
        }
        List<LocalTaskRunner.GraphRun> runs = new ArrayList<>();
        for (String root : due) {
            runs.add(runner.run(root, false));
        }
        return runs;
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
                report.accept("scheduler: " + e.getMessage().lines().findFirst().orElse("") + " (SQLSTATE " + e.getSQLState() + ")");
            }
        }, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
    }
}
