package dev.snowpulse.pipeline.snowflake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snowpulse.db.JdbcTarget;
import dev.snowpulse.db.SnowflakeDriver;
import dev.snowpulse.pipeline.audit.AuditRun;
import dev.snowpulse.pipeline.audit.AuditRuns;
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
import java.util.Map;

/** The retail pipeline in Snowflake, through snowflake-jdbc: the controls of sql/snowflake and the task views. */
public final class SnowflakePipelineGateway implements PipelineGateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SnowflakeSession session;
    private final DeployOptions options;

    public SnowflakePipelineGateway(SnowflakeDriver driver, JdbcTarget target, DeployOptions options) {
        this.session = new SnowflakeSession(driver, target);
        this.options = options;
    }

    @Override
    public String describe() {
        return "Snowflake " + session.displayName() + " · " + names().database();
    }

    @Override
    public PipelineNames names() {
        return options.names();
    }

    @Override
    public DeployPlan plan() throws PipelineException {
        List<SqlStatement> statements = PipelineScripts.snowflake(options);
        return session.call("read what " + names().database() + " holds", c -> new DeployPlanner(DeployPlanner.Dialect.SNOWFLAKE,
                names()).plan(statements, SnowflakeCatalog.read(c, names(), DeployPlanner.rowTargets(statements))));
    }

    @Override
    public DeployReport deploy(DeployPlan plan, DeployListener listener) {
        List<SqlStatement> statements = plan.statements();
        long start = System.nanoTime();
        int applied = 0;
        for (SqlStatement statement : statements) {
            listener.started(applied, statements.size(), statement);
            long began = System.nanoTime();
            try {
                session.call("deploy", c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute(statement.sql());
                    }
                    return null;
                });
            } catch (PipelineException e) {
                return new DeployReport(plan, statements.size(), applied, Duration.ofNanos(System.nanoTime() - start), statement, e);
            }
            listener.finished(applied, statements.size(), statement, Duration.ofNanos(System.nanoTime() - began));
            applied++;
        }
        return new DeployReport(plan, statements.size(), applied, Duration.ofNanos(System.nanoTime() - start), null, null);
    }

    @Override
    public String start() throws PipelineException {
        return callForText("start the pipeline", "CALL " + names().control("START_PIPELINE") + "()");
    }

    @Override
    public String stop() throws PipelineException {
        return callForText("stop the pipeline", "CALL " + names().control("STOP_PIPELINE") + "()");
    }

    @Override
    public String generate(EventCounts counts) throws PipelineException {
        return session.call("generate data", c -> {
            try (PreparedStatement s = c.prepareStatement(PipelineQueries.snowflake("generate_data", names()))) {
                s.setInt(1, counts.customer());
                s.setInt(2, counts.purchase());
                s.setInt(3, counts.marketing());
                s.setInt(4, counts.supplyChain());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "";
                }
            }
        });
    }

    @Override
    public List<LayerCount> summary() throws PipelineException {
        return session.call("read the data summary", c -> {
            List<LayerCount> counts = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(PipelineQueries.snowflake("data_summary", names()))) {
                while (rs.next()) {
                    counts.add(new LayerCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
            return counts;
        });
    }

    @Override
    public List<TaskInfo> taskList(String schemaPath) throws PipelineException {
        return showTasks(schemaPath(schemaPath));
    }

    private List<TaskInfo> showTasks(String schema) throws PipelineException {
        return session.call("list the tasks of " + schema, c -> {
            List<TaskInfo> tasks = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW TASKS IN SCHEMA " + schema)) {
                while (rs.next()) {
                    String name = rs.getString("database_name") + "." + rs.getString("schema_name") + "." + rs.getString("name");
                    tasks.add(new TaskInfo(name, TaskState.parse(rs.getString("state")), rs.getString("schedule"),
                            predecessors(rs.getString("predecessors")), rs.getString("definition"),
                            rs.getString("condition"), rs.getString("warehouse")));
                }
            }
            return tasks;
        });
    }

    static List<String> predecessors(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            List<String> names = new ArrayList<>();
            for (JsonNode node : JSON.readTree(json)) {
                names.add(node.asText().replace("\"", ""));
            }
            return names;
        } catch (JsonProcessingException e) {
            return List.of(json.replace("\"", "").replace("[", "").replace("]", "").strip());
        }
    }

    @Override
    public List<TaskRun> history(String schemaPath, HistoryQuery query) throws PipelineException {
        String schema = schemaPath(schemaPath);
        String[] parts = schema.split("\\.");
        String task = query.task() == null ? null : SqlIdentifier.require(query.task().substring(query.task().lastIndexOf('.') + 1), "task");
        String sql = PipelineQueries.snowflake("task_history", names(), Map.of("database", parts[0], "task_schema", parts[1], "limit",
                Integer.toString(query.limit()), "errors_only", query.errorsOnly() ? "TRUE" : "FALSE",
                "task_name_argument", task == null ? "" : ", TASK_NAME => '" + task + "'"));
        return session.call("read the task history of " + schema, c -> {
            List<TaskRun> runs = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    runs.add(new TaskRun(rs.getString("NAME"), TaskRunState.parse(rs.getString("STATE")),
                            instant(rs.getTimestamp("SCHEDULED_TIME")), instant(rs.getTimestamp("QUERY_START_TIME")),
                            instant(rs.getTimestamp("COMPLETED_TIME")), rs.getString("ERROR_CODE"),
                            rs.getString("ERROR_MESSAGE"), rs.getString("QUERY_ID"), rs.getString("RETURN_VALUE")));
                }
            }
            return runs;
        });
    }

    @Override
    public void resume(String task) throws PipelineException {
        Found found = find(task);
        if (found.task().root()) {
            execute("resume " + found.task().name(), "SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('" + found.task().name() + "')");
        } else {
            aroundRoot(found, "RESUME");
        }
    }

    @Override
    public void suspend(String task) throws PipelineException {
        Found found = find(task);
        if (found.task().root()) {
            execute("suspend " + found.task().name(), "ALTER TASK " + found.task().name() + " SUSPEND");
        } else {
            aroundRoot(found, "SUSPEND");
        }
    }

    @Override
    public void execute(String task) throws PipelineException {
        TaskInfo root = find(task).root();
        execute("run " + root.name(), "EXECUTE TASK " + root.name());
    }

    @Override
    public void retryLast(String task) throws PipelineException {
        TaskInfo root = find(task).root();
        execute("retry the last run of " + root.name(), "EXECUTE TASK " + root.name() + " RETRY LAST");
    }

    /** Snowflake refuses changes to a child while its root runs: suspend the root, change, then resume it. */
    private void aroundRoot(Found child, String change) throws PipelineException {
        TaskInfo root = child.root();
        String name = child.task().name();
        boolean started = root.state() == TaskState.STARTED;
        if (started) {
            execute("suspend " + root.name(), "ALTER TASK " + root.name() + " SUSPEND");
        }
        try {
            execute(change.toLowerCase(java.util.Locale.ROOT) + " " + name, "ALTER TASK " + name + " " + change);
        } finally {
            if (started) {
                execute("resume " + root.name(), "ALTER TASK " + root.name() + " RESUME");
            }
        }
    }

    /** A task with the other tasks of its schema (a graph lives in one schema), read with one SHOW TASKS. */
    private record Found(TaskInfo task, List<TaskInfo> schema) {
        TaskInfo root() {
            TaskInfo current = task;
            for (int hops = 0; hops < schema.size() && !current.root(); hops++) {
                String predecessor = current.predecessors().getFirst();
                current = schema.stream().filter(t -> t.name().equalsIgnoreCase(predecessor)).findFirst().orElse(current);
            }
            return current;
        }
    }

    private Found find(String name) throws PipelineException {
        String qualified = qualify(SqlIdentifier.requireQualified(name, "task"));
        String schema = qualified.substring(0, qualified.lastIndexOf('.'));
        List<TaskInfo> tasks = showTasks(schema);
        TaskInfo task = tasks.stream().filter(t -> t.name().equalsIgnoreCase(qualified)).findFirst()
                .orElseThrow(() -> new PipelineException("find task " + qualified,
                        "no such task in " + schema, null, null, null,
                        "Check the task's name and schema, and that the profile's role can see it.", null));
        return new Found(task, tasks);
    }

    private String qualify(String name) {
        long dots = name.chars().filter(ch -> ch == '.').count();
        return switch ((int) dots) {
            case 0 -> names().controlPath() + "." + name;
            case 1 -> names().database() + "." + name;
            default -> name;
        };
    }

    private String schemaPath(String schemaPath) {
        String path = SqlIdentifier.requireQualified(schemaPath, "schema");
        return path.contains(".") ? path : names().database() + "." + path;
    }

    @Override
    public List<StreamInfo> streams(String schemaPath) throws PipelineException {
        String schema = schemaPath(schemaPath);
        return session.call("list the streams of " + schema, c -> {
            List<StreamInfo> streams = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW STREAMS IN SCHEMA " + schema)) {
                while (rs.next()) {
                    String name = rs.getString("database_name") + "." + rs.getString("schema_name") + "." + rs.getString("name");
                    streams.add(new StreamInfo(name, rs.getString("table_name"), rs.getString("mode"),
                            "true".equalsIgnoreCase(rs.getString("stale")), instant(rs.getTimestamp("stale_after")), false));
                }
            }
            List<StreamInfo> withData = new ArrayList<>();
            for (StreamInfo stream : streams) {
                withData.add(new StreamInfo(stream.name(), stream.tableName(), stream.mode(), stream.stale(),
                        stream.staleAfter(), !stream.stale() && hasData(c, stream.name())));
            }
            return withData;
        });
    }

    private static boolean hasData(Connection c, String stream) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SYSTEM$STREAM_HAS_DATA('" + stream + "')")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    @Override
    public List<ReferenceRow> reference(ReferenceTable table) throws PipelineException {
        return session.call("read " + table.name(), c -> {
            List<ReferenceRow> rows = new ArrayList<>();
            String sql = "SELECT " + table.key() + ", " + String.join(", ", table.columns().keySet()) + " FROM "
                    + names().reference(table.name()) + " WHERE " + table.key() + " IS NOT NULL ORDER BY " + table.key();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String column : table.columns().keySet()) {
                        values.put(column, display(column, rs.getString(column)));
                    }
                    rows.add(new ReferenceRow(table, rs.getString(1), values));
                }
            }
            return rows;
        });
    }

    private static String display(String column, String value) {
        if (value == null || !column.equals("PARAMETER_VALUE")) {
            return value;
        }
        try {
            // the seed stores numbers as TO_VARIANT('0.8'): show the text, not the JSON string
            JsonNode node = JSON.readTree(value);
            return node.isTextual() ? node.asText() : node.toString();
        } catch (JsonProcessingException e) {
            return value;
        }
    }

    @Override
    public void apply(ReferenceChange change) throws PipelineException {
        boolean parameter = change.column().equals("PARAMETER_VALUE");
        // a parameter is stored as the seed stores it: lists and objects as JSON, everything else as its text
        String value = parameter ? "IFF(UPPER(PARAMETER_TYPE) IN ('ARRAY', 'OBJECT', 'LIST'), PARSE_JSON(?), TO_VARIANT(?))" : "?";
        String sql = "UPDATE " + names().reference(change.table().name()) + " SET " + change.column() + " = " + value
                + ", UPDATED_AT = SYSDATE() WHERE " + change.table().key() + " = ?";
        int updated = session.call("change " + change.table().name(), c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int next = 1;
                s.setString(next++, change.after());
                if (parameter) {
                    s.setString(next++, change.after());
                }
                s.setString(next, change.key());
                return s.executeUpdate();
            }
        });
        if (updated != 1) {
            throw new PipelineException("change " + change.table().name(), "no row with " + change.table().key()
                    + " = '" + change.key() + "' (it may have been deleted); reload the table");
        }
    }

    @Override
    public List<AuditRun> auditRuns(int limit) throws PipelineException {
        AuditRuns.checkLimit(limit);
        return session.call("read the generation audit", c -> AuditRuns.newest(c, audit(), limit));
    }

    @Override
    public List<AuditRuns.Stored> storedRuns(List<String> runIds) throws PipelineException {
        return AuditRuns.inOrder(session.call("read run snapshots", c -> AuditRuns.byId(c, audit(), null, runIds)), runIds);
    }

    private String audit() {
        return names().reference("DATA_GENERATION_AUDIT");
    }

    private String callForText(String action, String sql) throws PipelineException {
        return session.call(action, c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : "";
            }
        });
    }

    private void execute(String action, String sql) throws PipelineException {
        session.call(action, c -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            return null;
        });
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Override
    public void close() {
        session.close();
    }
}
