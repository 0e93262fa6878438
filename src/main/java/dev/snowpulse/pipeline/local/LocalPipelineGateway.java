package dev.snowpulse.pipeline.local;

import dev.snowpulse.db.Jdbc;
import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.db.ServerMessages;
import dev.snowpulse.pipeline.audit.AuditRun;
import dev.snowpulse.pipeline.audit.AuditRuns;
import dev.snowpulse.pipeline.reference.ColumnRule;
import dev.snowpulse.pipeline.deploy.DeployListener;
import dev.snowpulse.pipeline.deploy.DeployOptions;
import dev.snowpulse.pipeline.deploy.DeployReport;
import dev.snowpulse.pipeline.EventCounts;
import dev.snowpulse.pipeline.task.HistoryQuery;
import dev.snowpulse.pipeline.LayerCount;
import dev.snowpulse.pipeline.PipelineException;
import dev.snowpulse.pipeline.PipelineGateway;
import dev.snowpulse.pipeline.PipelineNames;
import dev.snowpulse.pipeline.deploy.PipelineQueries;
import dev.snowpulse.pipeline.deploy.PipelineScripts;
import dev.snowpulse.pipeline.reference.ReferenceChange;
import dev.snowpulse.pipeline.reference.ReferenceRow;
import dev.snowpulse.pipeline.reference.ReferenceTable;
import dev.snowpulse.pipeline.SqlIdentifier;
import dev.snowpulse.pipeline.deploy.SqlStatement;
import dev.snowpulse.pipeline.StreamInfo;
import dev.snowpulse.pipeline.task.TaskInfo;
import dev.snowpulse.pipeline.task.TaskRun;
import dev.snowpulse.pipeline.task.TaskRunState;
import dev.snowpulse.pipeline.task.TaskState;
import dev.snowpulse.pipeline.deploy.DeployPlan;
import dev.snowpulse.pipeline.deploy.DeployPlanner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The retail pipeline on PostgreSQL (sql/local-pipeline): the same controls, views and audit as the Snowflake backend,
 * with tasks run by {@link LocalTaskRunner} and scheduled by {@link LocalScheduler}.
 */
public final class LocalPipelineGateway implements PipelineGateway {

    private static final String STREAM = "RAW_RETAIL_EVENTS_STREAM";

    private final PostgresEndpoint endpoint;
    private final DeployOptions options;
    private final LocalTaskRunner runner;
    private Connection connection;

    public LocalPipelineGateway(PostgresEndpoint endpoint, DeployOptions options) {
        this.endpoint = endpoint;
        this.options = options;
        this.runner = new LocalTaskRunner(endpoint, options.names());
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T call(String action, Work<T> work) throws PipelineException {
        try {
            if (connection == null || connection.isClosed()) {
                connection = endpoint.connect("snowpulse-pipeline");
            }
            return work.run(connection);
        } catch (SQLException e) {
            closeConnection();
            throw failure(action, e);
        }
    }

    private static PipelineException failure(String action, SQLException e) {
        String state = e.getSQLState();
        String said = ServerMessages.firstLine(e);
        String message = said.isEmpty() ? e.getClass().getSimpleName() : said;
        String advice = switch (state == null ? "" : state) {
            case "42P01", "42883", "3F000" -> "Deploy the pipeline first (Deploy, or snowpulse pipeline deploy).";
            case "42501" -> "The profile's role lacks a privilege on the pipeline's schemas: grant it or use the owner.";
            default -> state != null && state.startsWith("08") && !(e instanceof dev.snowpulse.db.DatabaseUnreachable)
                    ? "The database did not answer: check that it runs and the profile's host and port." : null;
        };
        return new PipelineException(action, message, null, state, null, advice, e);
    }

    private String control() {
        return options.names().controlSchema();
    }

    @Override
    public String describe() {
        return "PostgreSQL " + endpoint.describe();
    }

    @Override
    public PipelineNames names() {
        return options.names();
    }

    @Override
    public DeployPlan plan() throws PipelineException {
        List<SqlStatement> statements = PipelineScripts.local(options);
        return call("read what the database holds", c -> new DeployPlanner(DeployPlanner.Dialect.POSTGRES, names())
                .plan(statements, LocalCatalog.read(c, names(), DeployPlanner.rowTargets(statements))));
    }

    /** All statements in one transaction: a failed deploy leaves the database as it was. */
    @Override
    public DeployReport deploy(DeployPlan plan, DeployListener listener) {
        List<SqlStatement> statements = plan.statements();
        long start = System.nanoTime();
        int[] applied = {0};
        SqlStatement[] current = {null};
        try {
            call("deploy", c -> {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    for (SqlStatement statement : statements) {
                        current[0] = statement;
                        listener.started(applied[0], statements.size(), statement);
                        long began = System.nanoTime();
                        s.execute(statement.sql());
                        listener.finished(applied[0], statements.size(), statement, Duration.ofNanos(System.nanoTime() - began));
                        applied[0]++;
                    }
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
                return null;
            });
        } catch (PipelineException e) {
            return new DeployReport(plan, statements.size(), applied[0], Duration.ofNanos(System.nanoTime() - start), current[0], e);
        }
        return new DeployReport(plan, statements.size(), applied[0], Duration.ofNanos(System.nanoTime() - start), null, null);
    }

    @Override
    public String start() throws PipelineException {
        return text("start the pipeline", "SELECT " + control() + ".start_pipeline()");
    }

    @Override
    public String stop() throws PipelineException {
        return text("stop the pipeline", "SELECT " + control() + ".stop_pipeline()");
    }

    @Override
    public String generate(EventCounts counts) throws PipelineException {
        String[] result = call("generate data", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT execution_status, message FROM " + control()
                    + ".generate_retail_data(?, ?, ?, ?)")) {
                s.setInt(1, counts.customer());
                s.setInt(2, counts.purchase());
                s.setInt(3, counts.marketing());
                s.setInt(4, counts.supplyChain());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new String[]{rs.getString(1), rs.getString(2)};
                }
            }
        });
        if ("FAILED".equals(result[0])) {
            throw new PipelineException("generate data", result[1]);
        }
        return result[1];
    }

    @Override
    public List<LayerCount> summary() throws PipelineException {
        return call("read the data summary", c -> {
            List<LayerCount> counts = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT layer, table_name, record_count FROM " + control() + ".data_summary()")) {
                while (rs.next()) {
                    counts.add(new LayerCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
            return counts;
        });
    }

    private boolean isControl(String schemaPath) {
        String path = SqlIdentifier.requireQualified(schemaPath, "schema");
        return path.substring(path.lastIndexOf('.') + 1).equals(control());
    }

    @Override
    public List<TaskInfo> taskList(String schemaPath) throws PipelineException {
        if (!isControl(schemaPath)) {
            return List.of();
        }
        String prefix = names().controlPath() + ".";
        return call("list the tasks", c -> {
            List<TaskInfo> tasks = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(PipelineQueries.local("task_list", names()))) {
                while (rs.next()) {
                    long seconds = rs.getLong("seconds");
                    boolean root = !rs.wasNull();
                    String predecessor = rs.getString("predecessor");
                    tasks.add(new TaskInfo(prefix + rs.getString("task_name"), TaskState.parse(rs.getString("state")),
                            root ? Schedules.describe(seconds) : null, predecessor == null ? List.of() : List.of(prefix + predecessor),
                            rs.getString("definition"), rs.getString("condition"), null));
                }
            }
            return tasks;
        });
    }

    @Override
    public List<TaskRun> history(String schemaPath, HistoryQuery query) throws PipelineException {
        if (!isControl(schemaPath)) {
            return List.of();
        }
        String task = query.task() == null ? null : query.task().substring(query.task().lastIndexOf('.') + 1);
        return call("read the task history", c -> {
            List<TaskRun> runs = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(PipelineQueries.local("task_history", names()))) {
                s.setString(1, task);
                s.setString(2, task);
                s.setBoolean(3, query.errorsOnly());
                s.setBoolean(4, query.errorsOnly());
                s.setString(5, task);
                s.setString(6, task);
                s.setInt(7, query.limit());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        runs.add(run(rs));
                    }
                }
            }
            return runs;
        });
    }

    private static TaskRun run(ResultSet rs) throws SQLException {
        return new TaskRun(rs.getString("task_name"), TaskRunState.parse(rs.getString("state")),
                instant(rs.getTimestamp("scheduled_time")), instant(rs.getTimestamp("query_start_time")),
                instant(rs.getTimestamp("completed_time")), rs.getString("error_code"), rs.getString("error_message"),
                rs.getString("query_id"), rs.getString("return_value"));
    }

    /** A root resumes with its graph and gets its next run; a child changes alone. */
    @Override
    public void resume(String task) throws PipelineException {
        String name = taskName(task);
        update("resume " + name, PipelineQueries.local("resume_task", names()), name, name);
    }

    @Override
    public void suspend(String task) throws PipelineException {
        String name = taskName(task);
        update("suspend " + name, "UPDATE " + control() + ".tasks SET state = 'suspended', next_run = NULL WHERE task_name = ?", name);
    }

    @Override
    public void execute(String task) throws PipelineException {
        runGraphOf(task, false, "run ");
    }

    @Override
    public void retryLast(String task) throws PipelineException {
        runGraphOf(task, true, "retry the last run of ");
    }

    /** Runs the graph the task belongs to; a retry runs only what failed in its last run, and what follows. */
    private void runGraphOf(String task, boolean retry, String action) throws PipelineException {
        String root = root(taskName(task));
        try {
            runner.run(root, retry);
        } catch (SQLException e) {
            throw failure(action + root, e);
        }
    }

    private String taskName(String task) {
        String qualified = SqlIdentifier.requireQualified(task, "task");
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    private String root(String task) throws PipelineException {
        return call("find the root of " + task, c -> {
            try (PreparedStatement s = c.prepareStatement(PipelineQueries.local("root_of_task", names()))) {
                s.setString(1, task);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("no task " + task + " in " + control(), "42704");
                    }
                    return rs.getString(1);
                }
            }
        });
    }

    @Override
    public List<StreamInfo> streams(String schemaPath) throws PipelineException {
        // the change feed stands in for the stream seed 001 keeps beside its tasks, in the control schema
        if (!isControl(schemaPath)) {
            return List.of();
        }
        boolean hasData = call("read the change feed", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM "
                    + names().rawSchema() + ".raw_retail_events WHERE consumed_at IS NULL)")) {
                return rs.next() && rs.getBoolean(1);
            }
        });
        return List.of(new StreamInfo(names().controlPath() + "." + STREAM,
                names().database() + "." + names().rawSchema() + ".RAW_RETAIL_EVENTS", "APPEND_ONLY (claims)", false, null, hasData));
    }

    @Override
    public List<ReferenceRow> reference(ReferenceTable table) throws PipelineException {
        return call("read " + table.name(), c -> {
            List<ReferenceRow> rows = new ArrayList<>();
            StringBuilder columns = new StringBuilder(table.key().toLowerCase(Locale.ROOT));
            for (String column : table.columns().keySet()) {
                String name = column.toLowerCase(Locale.ROOT);
                // the seed stores numbers as JSON strings ("0.8"): show the text, not the JSON
                String read = table.rule(column) == ColumnRule.PARAMETER
                        ? "CASE WHEN jsonb_typeof(" + name + ") = 'string' THEN " + name + " #>> '{}' ELSE " + name + "::text END"
                        : name + "::text";
                columns.append(", ").append(read).append(" AS ").append(name);
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + columns + " FROM "
                    + names().referenceSchema() + "." + table.name() + " WHERE " + table.key() + " IS NOT NULL ORDER BY " + table.key())) {
                while (rs.next()) {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String column : table.columns().keySet()) {
                        values.put(column, rs.getString(column.toLowerCase(Locale.ROOT)));
                    }
                    rows.add(new ReferenceRow(table, rs.getString(1), values));
                }
            }
            return rows;
        });
    }

    @Override
    public void apply(ReferenceChange change) throws PipelineException {
        String column = change.column().toLowerCase(Locale.ROOT);
        String value = switch (change.table().rule(change.column())) {
            case FRACTION, NON_NEGATIVE -> "CAST(? AS double precision)";
            case COUNT, WHOLE -> "CAST(? AS bigint)";
            case BOOLEAN -> "CAST(? AS boolean)";
            // a parameter is stored as the seed stores it: lists and objects as JSON, everything else as its text
            case PARAMETER -> "CASE WHEN upper(parameter_type) IN ('ARRAY', 'OBJECT', 'LIST') THEN CAST(? AS jsonb) "
                    + "ELSE to_jsonb(CAST(? AS text)) END";
            case MONTHS, TEXT, FIXED -> "CAST(? AS text)";
        };
        String[] values = change.table().rule(change.column()) == ColumnRule.PARAMETER
                ? new String[]{change.after(), change.after(), change.key()} : new String[]{change.after(), change.key()};
        int updated = update("change " + change.table().name(), "UPDATE " + names().referenceSchema() + "." + change.table().name()
                + " SET " + column + " = " + value + ", updated_at = timezone('UTC', now()) WHERE "
                + change.table().key() + " = ?", values);
        if (updated != 1) {
            throw new PipelineException("change " + change.table().name(), "no row with " + change.table().key()
                    + " = '" + change.key() + "' (it may have been deleted); reload the table");
        }
    }

    @Override
    public List<AuditRun> auditRuns(int limit) throws PipelineException {
        AuditRuns.checkLimit(limit);
        return call("read the generation audit", c -> AuditRuns.newest(c, audit(), limit));
    }

    @Override
    public List<AuditRuns.Stored> storedRuns(List<String> runIds) throws PipelineException {
        return AuditRuns.inOrder(call("read run snapshots", c -> AuditRuns.byId(c, audit(), "::text", runIds)), runIds);
    }

    private String audit() {
        return names().referenceSchema() + ".data_generation_audit";
    }

    private String text(String action, String sql) throws PipelineException {
        return call(action, c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : "";
            }
        });
    }

    private int update(String action, String sql, String... values) throws PipelineException {
        return call(action, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    s.setString(i + 1, values[i]);
                }
                return s.executeUpdate();
            }
        });
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private void closeConnection() {
        Jdbc.closeQuietly(connection);
        connection = null;
    }

    @Override
    public void close() {
        closeConnection();
    }
}
