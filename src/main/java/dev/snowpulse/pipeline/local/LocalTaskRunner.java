package dev.snowpulse.pipeline.local;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.pipeline.PipelineNames;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs a task graph of the pipeline on PostgreSQL as Snowflake runs one: the root first, then each started child
 * after its predecessor succeeded, each task in its own transaction with a history row (EXECUTING, then SUCCEEDED or
 * FAILED with the SQLSTATE and message). An advisory lock keeps one run per graph at a time; a run that finds the
 * graph busy is recorded as SKIPPED.
 */
public final class LocalTaskRunner {

    /** What one graph run did, task by task, in order. */
    public record GraphRun(UUID id, List<String> lines, boolean failed, boolean skipped) {
        public String describe() {
            return skipped ? "skipped: the graph is already running" : String.join("; ", lines);
        }
    }

    private record Task(String name, String predecessor, String state, String definition) {
    }

    private final PostgresEndpoint endpoint;
    private final PipelineNames names;

    public LocalTaskRunner(PostgresEndpoint endpoint, PipelineNames names) {
        this.endpoint = endpoint;
        this.names = names;
    }

    /** Runs the graph of {@code root}; with {@code retryFailed}, only the tasks that failed in its last failed run, and what follows them. */
    public GraphRun run(String root, boolean retryFailed) throws SQLException {
        String control = names.controlSchema();
        UUID graphRun = UUID.randomUUID();
        try (Connection c = endpoint.connect("snowpulse-tasks")) {
            Map<String, Task> tasks = tasks(c);
            if (!tasks.containsKey(root)) {
                throw new SQLException("no task " + root + " in " + control, "42704");
            }
            if (!lock(c, root)) {
                record(c, graphRun, root, "SKIPPED", null, null, "the graph is already running");
                return new GraphRun(graphRun, List.of(root + " skipped"), false, true);
            }
            try {
                List<String> start = retryFailed ? lastFailed(c, root, tasks) : List.of(root);
                List<String> lines = new ArrayList<>();
                boolean failed = false;
                Deque<String> queue = new ArrayDeque<>(start);
                while (!queue.isEmpty()) {
                    String name = queue.poll();
                    Optional<String> error = execute(c, graphRun, tasks.get(name));
                    if (error.isPresent()) {
                        failed = true;
                        lines.add(name + " failed: " + error.get());
                        continue;
                    }
                    lines.add(name + " succeeded");
                    tasks.values().stream().filter(t -> name.equals(t.predecessor()) && t.state().equals("started"))
                            .forEach(t -> queue.add(t.name()));
                }
                return new GraphRun(graphRun, lines, failed, false);
            } finally {
                unlock(c, root);
            }
        }
    }

    private Map<String, Task> tasks(Connection c) throws SQLException {
        Map<String, Task> tasks = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT task_name, predecessor, state, definition FROM " + names.controlSchema()
                     + ".tasks ORDER BY created_at, task_name")) {
            while (rs.next()) {
                tasks.put(rs.getString(1), new Task(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return tasks;
    }

    private List<String> lastFailed(Connection c, String root, Map<String, Task> tasks) throws SQLException {
        List<String> graph = new ArrayList<>();
        graph.add(root);
        for (int i = 0; i < graph.size(); i++) {
            String parent = graph.get(i);
            tasks.values().stream().filter(t -> parent.equals(t.predecessor())).forEach(t -> graph.add(t.name()));
        }
        try (PreparedStatement s = c.prepareStatement("SELECT task_name FROM " + names.controlSchema() + ".task_history "
                + "WHERE state = 'FAILED' AND task_name = ANY (?) AND graph_run_id = (SELECT graph_run_id FROM "
                + names.controlSchema() + ".task_history WHERE task_name = ANY (?) AND state <> 'SKIPPED' "
                + "ORDER BY history_id DESC LIMIT 1) ORDER BY history_id")) {
            s.setArray(1, c.createArrayOf("text", graph.toArray()));
            s.setArray(2, c.createArrayOf("text", graph.toArray()));
            List<String> failed = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    failed.add(rs.getString(1));
                }
            }
            if (failed.isEmpty()) {
                throw new SQLException("the last run of " + root + "'s graph did not fail: nothing to retry", "55000");
            }
            return failed;
        }
    }

    /** Runs one task's definition in its own transaction; the error text when it failed. */
    private Optional<String> execute(Connection c, UUID graphRun, Task task) throws SQLException {
        long id = record(c, graphRun, task.name(), "EXECUTING", null, null, null);
        c.setAutoCommit(false);
        String returned = null;
        try (Statement s = c.createStatement()) {
            if (s.execute(task.definition())) {
                try (ResultSet rs = s.getResultSet()) {
                    returned = rs.next() ? rs.getString(1) : null;
                }
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            c.setAutoCommit(true);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("")
                    .replaceFirst("^ERROR: ", "");
            finish(c, id, "FAILED", e.getSQLState(), message, null);
            return Optional.of(message + " (SQLSTATE " + e.getSQLState() + ")");
        }
        c.setAutoCommit(true);
        finish(c, id, "SUCCEEDED", null, null, returned);
        return Optional.empty();
    }

    private long record(Connection c, UUID graphRun, String task, String state, String code, String message, String value)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + names.controlSchema() + ".task_history "
                + "(graph_run_id, task_name, state, scheduled_time, query_start_time, completed_time, error_code, error_message, "
                + "return_value, query_id) VALUES (?, ?, ?, clock_timestamp(), clock_timestamp(), "
                + "CASE WHEN ? = 'EXECUTING' THEN NULL ELSE clock_timestamp() END, ?, ?, ?, ?) RETURNING history_id")) {
            s.setObject(1, graphRun);
            s.setString(2, task);
            s.setString(3, state);
            s.setString(4, state);
            s.setString(5, code);
            s.setString(6, message);
            s.setString(7, value);
            s.setString(8, graphRun.toString());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void finish(Connection c, long id, String state, String code, String message, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + names.controlSchema() + ".task_history SET state = ?, "
                + "completed_time = clock_timestamp(), error_code = ?, error_message = ?, return_value = ? WHERE history_id = ?")) {
            s.setString(1, state);
            s.setString(2, code);
            s.setString(3, message);
            s.setString(4, value);
            s.setLong(5, id);
            s.executeUpdate();
        }
    }

    private boolean lock(Connection c, String root) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
            s.setString(1, lockKey(root));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private void unlock(Connection c, String root) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
            s.setString(1, lockKey(root));
            s.execute();
        }
    }

    private String lockKey(String root) {
        return "snowpulse-task-graph:" + names.controlSchema() + "." + root;
    }
}
