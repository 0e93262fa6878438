package dev.snowpulse.pipeline.local;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.pipeline.PipelineNames;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a task graph of the pipeline on PostgreSQL through its {@code run_graph} procedure (sql/local-pipeline/
 * 08_runner.sql), the same code pg_cron runs: the root first, then each started child after its predecessor
 * succeeded, each task in its own transaction with a history row; one run per graph at a time.
 */
public final class LocalTaskRunner {

    /** What one graph run did, task by task, in order. */
    public record GraphRun(String root, List<String> lines, boolean failed, boolean skipped) {
        public String describe() {
            return String.join("; ", lines);
        }
    }

    private final PostgresEndpoint endpoint;
    private final PipelineNames names;

    public LocalTaskRunner(PostgresEndpoint endpoint, PipelineNames names) {
        this.endpoint = endpoint;
        this.names = names;
    }

    /** Runs the graph of {@code root}; with {@code retryFailed}, only the tasks that failed in its last run, and what follows them. */
    public GraphRun run(String root, boolean retryFailed) throws SQLException {
        try (Connection c = endpoint.connect("snowpulse-tasks");
             PreparedStatement s = c.prepareStatement("CALL " + names.controlSchema() + ".run_graph(?, ?, NULL, NULL)")) {
            s.setString(1, root);
            s.setBoolean(2, retryFailed);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                String summary = rs.getString("summary");
                String outcome = rs.getString("outcome");
                return new GraphRun(root, summary == null || summary.isEmpty() ? List.of() : Arrays.asList(summary.split("; ")),
                        "FAILED".equals(outcome), "SKIPPED".equals(outcome));
            }
        }
    }
}
