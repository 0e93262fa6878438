package dev.snowpulse.pipeline.deploy;

import dev.snowpulse.pipeline.PipelineNames;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out what a deploy will change, statement by statement, from the database's {@link Catalog}, before anything
 * is sent. Every statement of the deployment's files must be of a kind this planner knows, and every kind it knows
 * only adds: databases, schemas, tables and streams created if missing, rows added where their key is missing, code
 * (procedures, functions, tasks) created or replaced. A table that exists keeps its columns and rows; the planner
 * adds, after its CREATE TABLE IF NOT EXISTS, the columns the table lacks, and relaxes the NOT NULL of columns the
 * deployment no longer fills (an earlier SnowPulse's). A statement of any other kind is refused by name.
 */
public final class DeployPlanner {

    public enum Dialect {
        SNOWFLAKE, POSTGRES
    }

    /** A table that rows are added to, by key: the keys the statement adds where they are missing. */
    public record RowTarget(String table, String keyColumn, List<String> keys) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern CREATE_DATABASE = Pattern.compile("CREATE\\s+DATABASE\\s+IF\\s+NOT\\s+EXISTS\\s+([\\w.$\"]+)\\s*", FLAGS);
    private static final Pattern CREATE_SCHEMA = Pattern.compile("CREATE\\s+SCHEMA\\s+IF\\s+NOT\\s+EXISTS\\s+([\\w.$\"]+)\\s*", FLAGS);
    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE\\s+TABLE\\s+IF\\s+NOT\\s+EXISTS\\s+.*", FLAGS);
    private static final Pattern MERGE_ROWS = Pattern.compile("MERGE\\s+INTO\\s+([\\w.$\"]+)\\s+t\\s+USING\\s+\\(.*?\\bVALUES\\b(.*?)\\bAS\\s+v\\s*\\("
            + ".*?\\bON\\s+t\\.(\\w+)\\s*=\\s*s\\.\\w+\\s+WHEN\\s+NOT\\s+MATCHED\\s+THEN\\s+INSERT\\b(?:(?!\\b(?:WHEN|UPDATE|DELETE)\\b).)*", FLAGS);
    private static final Pattern INSERT_ROWS = Pattern.compile("INSERT\\s+INTO\\s+([\\w.$\"]+)\\s*\\([^)]*\\)\\s*SELECT\\b.*?\\(\\s*VALUES\\b(.*?)\\)\\s*AS\\s+v\\b"
            + ".*?\\bWHERE\\s+NOT\\s+EXISTS\\s*\\(\\s*SELECT\\s+1\\s+FROM\\s+([\\w.$\"]+)\\s+t\\s+WHERE\\s+t\\.(\\w+)\\s*=\\s*v\\.\\w+\\s*\\)\\s*", FLAGS);
    private static final Pattern ROUTINE = Pattern.compile("CREATE\\s+OR\\s+REPLACE\\s+(PROCEDURE|FUNCTION)\\s+([\\w.$\"]+)\\s*\\(.*", FLAGS);
    private static final Pattern DROP_ROUTINE = Pattern.compile("DROP\\s+FUNCTION\\s+IF\\s+EXISTS\\s+([\\w.$\"]+)\\s*\\([^)]*\\)\\s*", FLAGS);
    private static final Pattern TASK = Pattern.compile("CREATE\\s+OR\\s+ALTER\\s+TASK\\s+([\\w.$\"]+)\\s+.*", FLAGS);
    private static final Pattern SUSPEND_TASK = Pattern.compile("ALTER\\s+TASK\\s+IF\\s+EXISTS\\s+([\\w.$\"]+)\\s+SUSPEND\\s*", FLAGS);
    private static final Pattern STREAM = Pattern.compile("CREATE\\s+STREAM\\s+IF\\s+NOT\\s+EXISTS\\s+([\\w.$\"]+)\\s+.*", FLAGS);
    private static final Pattern INDEX = Pattern.compile("CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+IF\\s+NOT\\s+EXISTS\\s+(\\w+)\\s+ON\\s+([\\w.$\"]+)\\s*.*", FLAGS);
    private static final Pattern LOCAL_TASK = Pattern.compile("INSERT\\s+INTO\\s+([\\w.$\"]+)\\.tasks\\s*\\(.*?VALUES\\s*\\(\\s*'(\\w+)'.*"
            + "ON\\s+CONFLICT\\s*\\(task_name\\)\\s+DO\\s+UPDATE\\s+.*", FLAGS);
    private static final Pattern LOCAL_NEXT_RUN = Pattern.compile("UPDATE\\s+[\\w.$\"]+\\.tasks\\s+SET\\s+next_run\\s*=.*", FLAGS);
    private static final Pattern TUPLE_KEY = Pattern.compile("\\(\\s*'([^']*)'");
    private static final Pattern SCHEDULE = Pattern.compile("SCHEDULE\\s*=\\s*'([^']*)'", FLAGS);
    private static final Pattern BODY = Pattern.compile("\\n\\s*AS\\s*\\n(.*)", FLAGS);
    private static final Pattern WAREHOUSE = Pattern.compile("\\bWAREHOUSE\\s*=\\s*(\\w+)", FLAGS);
    private static final Pattern CONSTANT = Pattern.compile("(?i)-?[0-9.]+|'[^']*'|TRUE|FALSE|NULL");

    private final Dialect dialect;
    private final PipelineNames names;

    public DeployPlanner(Dialect dialect, PipelineNames names) {
        this.dialect = dialect;
        this.names = names;
    }

    /** The tables rows are added to and by which key, so the catalog can read the keys they hold. */
    public static List<RowTarget> rowTargets(List<SqlStatement> statements) {
        List<RowTarget> targets = new ArrayList<>();
        for (SqlStatement statement : statements) {
            rowTarget(statement.sql()).ifPresent(targets::add);
        }
        return targets;
    }

    private static Optional<RowTarget> rowTarget(String sql) {
        for (Pattern pattern : List.of(MERGE_ROWS, INSERT_ROWS)) {
            Matcher m = pattern.matcher(sql);
            if (m.matches() && !(pattern == INSERT_ROWS && LOCAL_TASK.matcher(sql).matches())) {
                int keyGroup = pattern == INSERT_ROWS ? 4 : 3;
                if (pattern == INSERT_ROWS && !Catalog.key(m.group(1)).equals(Catalog.key(m.group(3)))) {
                    // rows added where missing from another table are not additive to this one
                    return Optional.empty();
                }
                List<String> keys = new ArrayList<>();
                Matcher key = TUPLE_KEY.matcher(m.group(2));
                while (key.find()) {
                    keys.add(key.group(1));
                }
                return Optional.of(new RowTarget(m.group(1), m.group(keyGroup), keys));
            }
        }
        return Optional.empty();
    }

    public DeployPlan plan(List<SqlStatement> statements, Catalog catalog) {
        List<DeployStep> steps = new ArrayList<>();
        Set<String> created = new LinkedHashSet<>();
        for (SqlStatement statement : statements) {
            String sql = statement.sql();
            Matcher m;
            if ((m = CREATE_DATABASE.matcher(sql)).matches()) {
                steps.add(new DeployStep(statement, catalog.databaseExists() ? null
                        : new Change(Change.Kind.DATABASE_CREATED, m.group(1), null)));
            } else if ((m = CREATE_SCHEMA.matcher(sql)).matches()) {
                String schema = m.group(1).replace("\"", "");
                String key = schema.substring(schema.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
                steps.add(new DeployStep(statement, catalog.schemas().contains(key) ? null
                        : new Change(Change.Kind.SCHEMA_CREATED, schema, null)));
            } else if (CREATE_TABLE.matcher(sql).matches()) {
                TableDefinition table = TableDefinition.parse(statement).orElseThrow();
                Map<String, Catalog.ExistingColumn> existing = catalog.tables().get(Catalog.key(table.name()));
                if (existing == null) {
                    created.add(Catalog.key(table.name()));
                    steps.add(new DeployStep(statement, new Change(Change.Kind.TABLE_CREATED, table.name(),
                            table.columns().size() + " columns")));
                } else {
                    steps.add(new DeployStep(statement, null));
                    steps.addAll(adopt(statement, table, existing, catalog.primaryKeys().get(Catalog.key(table.name()))));
                }
            } else if (rowTarget(sql).orElse(null) instanceof RowTarget target) {
                Set<String> held = catalog.referenceKeys().getOrDefault(Catalog.key(target.table()), Set.of());
                List<String> added = target.keys().stream().filter(k -> !held.contains(k)).toList();
                steps.add(new DeployStep(statement, added.isEmpty() ? null
                        : new Change(Change.Kind.ROWS_ADDED, target.table(), target.keyColumn() + " " + String.join(", ", added))));
            } else if ((m = ROUTINE.matcher(sql)).matches()) {
                String kind = m.group(1).toLowerCase(Locale.ROOT);
                boolean exists = catalog.routines().contains(Catalog.key(m.group(2)));
                steps.add(new DeployStep(statement, new Change(exists ? Change.Kind.ROUTINE_REPLACED : Change.Kind.ROUTINE_CREATED,
                        kind + " " + m.group(2), null)));
            } else if ((m = DROP_ROUTINE.matcher(sql)).matches()) {
                boolean exists = catalog.routines().contains(Catalog.key(m.group(1)));
                steps.add(new DeployStep(statement, exists ? new Change(Change.Kind.ROUTINE_REPLACED, "function " + m.group(1),
                        "an earlier version, dropped to be created again below") : null));
            } else if ((m = TASK.matcher(sql)).matches()) {
                steps.add(new DeployStep(statement, task(m.group(1), sql, catalog)));
            } else if ((m = SUSPEND_TASK.matcher(sql)).matches()) {
                steps.add(new DeployStep(statement, catalog.tasks().containsKey(Catalog.key(m.group(1)))
                        ? new Change(Change.Kind.TASK_SUSPENDED, m.group(1), "Start resumes it") : null));
            } else if ((m = STREAM.matcher(sql)).matches()) {
                steps.add(new DeployStep(statement, catalog.streams().contains(Catalog.key(m.group(1))) ? null
                        : new Change(Change.Kind.STREAM_CREATED, m.group(1), null)));
            } else if ((m = INDEX.matcher(sql)).matches()) {
                String index = Catalog.key(schemaOf(m.group(2)) + "." + m.group(1));
                steps.add(new DeployStep(statement, catalog.indexes().contains(index) ? null
                        : new Change(Change.Kind.INDEX_CREATED, m.group(1) + " on " + m.group(2), null)));
            } else if ((m = LOCAL_TASK.matcher(sql)).matches()) {
                Catalog.ExistingTask existing = catalog.tasks().get(Catalog.key(m.group(1) + "." + m.group(2)));
                steps.add(new DeployStep(statement, existing == null ? new Change(Change.Kind.TASK_CREATED, m.group(2), null)
                        : sql.contains(existing.definition()) ? null
                        : new Change(Change.Kind.TASK_REPLACED, m.group(2), "runs " + existing.definition() + " now")));
            } else if (LOCAL_NEXT_RUN.matcher(sql).matches()) {
                steps.add(new DeployStep(statement, null));
            } else {
                throw new IllegalStateException(statement.location() + ": a deploy only adds, and this statement is not of a kind "
                        + "SnowPulse knows to be additive: " + statement.summary());
            }
        }
        return new DeployPlan(found(catalog), steps);
    }

    private static String schemaOf(String table) {
        String key = Catalog.key(table);
        return key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
    }

    private Change task(String name, String sql, Catalog catalog) {
        Catalog.ExistingTask existing = catalog.tasks().get(Catalog.key(name));
        Matcher schedule = SCHEDULE.matcher(sql);
        Matcher body = BODY.matcher(sql);
        String newSchedule = schedule.find() ? schedule.group(1) : null;
        String newBody = body.find() ? body.group(1).strip() : "";
        if (existing == null) {
            return new Change(Change.Kind.TASK_CREATED, name, newSchedule == null ? "runs " + newBody : newSchedule + ", runs " + newBody);
        }
        List<String> differences = new ArrayList<>();
        if (newSchedule != null && !newSchedule.equals(existing.schedule())) {
            differences.add("schedule " + existing.schedule() + " → " + newSchedule);
        }
        if (existing.definition() != null && !newBody.equalsIgnoreCase(existing.definition().strip())) {
            differences.add("runs " + existing.definition().strip() + " → " + newBody);
        }
        String warehouse = warehouse(sql);
        if (existing.warehouse() != null && !existing.warehouse().equalsIgnoreCase(warehouse)) {
            differences.add("warehouse " + existing.warehouse() + " → " + (warehouse == null ? "serverless" : warehouse));
        }
        return new Change(Change.Kind.TASK_REPLACED, name, differences.isEmpty() ? "same schedule and body" : String.join("; ", differences));
    }

    /** The warehouse a task runs on, or null when it is serverless. */
    private static String warehouse(String sql) {
        Matcher m = WAREHOUSE.matcher(sql);
        return m.find() ? m.group(1) : null;
    }

    /** The statements that bring an existing table up to the deployment's columns, without touching its rows. */
    private List<DeployStep> adopt(SqlStatement create, TableDefinition table, Map<String, Catalog.ExistingColumn> existing,
                                   Catalog.PrimaryKey primaryKey) {
        List<DeployStep> steps = new ArrayList<>();
        for (ColumnDefinition column : table.columns()) {
            Catalog.ExistingColumn found = existing.get(column.name().toUpperCase(Locale.ROOT));
            if (found == null) {
                steps.add(generated(create, "ALTER TABLE " + table.name() + " ADD COLUMN IF NOT EXISTS " + quoted(column.name()) + " "
                        + column.type() + addedDefault(column), Change.Kind.COLUMN_ADDED,
                        table.name() + "." + column.name() + " " + column.type(), null));
            } else if (dialect == Dialect.POSTGRES) {
                widened(create, table, column, found).ifPresent(steps::add);
            }
        }
        boolean keyDropped = false;
        for (Map.Entry<String, Catalog.ExistingColumn> column : existing.entrySet()) {
            if (column.getValue().nullable() || table.column(column.getKey()).isPresent()) {
                continue;
            }
            if (dialect == Dialect.POSTGRES && primaryKey != null && primaryKey.columns().contains(column.getKey()) && !keyDropped) {
                steps.add(generated(create, "ALTER TABLE " + table.name() + " DROP CONSTRAINT " + primaryKey.constraint(),
                        Change.Kind.PRIMARY_KEY_DROPPED, table.name() + " " + primaryKey.constraint(),
                        "on " + String.join(", ", primaryKey.columns()) + ", a column this version does not use"));
                keyDropped = true;
            }
            steps.add(generated(create, "ALTER TABLE " + table.name() + " ALTER COLUMN " + quoted(dialectCase(column.getKey())) + " DROP NOT NULL",
                    Change.Kind.NOT_NULL_DROPPED, table.name() + "." + column.getKey(),
                    "this version does not fill it; its values are kept"));
        }
        return steps;
    }

    private String dialectCase(String name) {
        return dialect == Dialect.POSTGRES ? name.toLowerCase(Locale.ROOT) : name;
    }

    private Optional<DeployStep> widened(SqlStatement create, TableDefinition table, ColumnDefinition column, Catalog.ExistingColumn found) {
        String wanted = column.type().toLowerCase(Locale.ROOT);
        String has = found.type().toLowerCase(Locale.ROOT);
        String name = quoted(column.name());
        if (wanted.equals("text") && has.equals("uuid")) {
            return Optional.of(generated(create, "ALTER TABLE " + table.name() + " ALTER COLUMN " + name + " TYPE text USING " + name + "::text",
                    Change.Kind.TYPE_WIDENED, table.name() + "." + column.name(), "uuid → text"));
        }
        if (wanted.equals("timestamp") && has.equals("timestamp with time zone")) {
            return Optional.of(generated(create, "ALTER TABLE " + table.name() + " ALTER COLUMN " + name + " TYPE timestamp USING "
                            + name + " AT TIME ZONE 'UTC'", Change.Kind.TYPE_WIDENED, table.name() + "." + column.name(),
                    "timestamptz → timestamp in UTC, the same instants"));
        }
        return Optional.empty();
    }

    /** Snowflake adds a column only with a constant default; the pipeline writes its times itself anyway. */
    private String addedDefault(ColumnDefinition column) {
        String value = column.defaultExpression();
        if (value == null || (dialect == Dialect.SNOWFLAKE && !CONSTANT.matcher(value).matches())) {
            return "";
        }
        return " DEFAULT " + value;
    }

    private static String quoted(String name) {
        return name.equalsIgnoreCase("timestamp") ? "\"" + name + "\"" : name;
    }

    private static DeployStep generated(SqlStatement create, String sql, Change.Kind kind, String subject, String detail) {
        return new DeployStep(new SqlStatement(create.file(), create.line(), sql), new Change(kind, subject, detail));
    }

    private String found(Catalog catalog) {
        Map<String, Catalog.ExistingColumn> raw = catalog.tables().get(Catalog.key(names.rawSchema() + ".RAW_RETAIL_EVENTS"));
        if (raw == null) {
            return catalog.databaseExists() || dialect == Dialect.POSTGRES
                    ? "no retail pipeline here yet: deploy creates it"
                    : "no database " + names.database() + " yet: deploy creates it with the pipeline";
        }
        Map<String, Catalog.ExistingColumn> lifecycle = catalog.tables().get(Catalog.key(names.referenceSchema() + ".CUSTOMER_LIFECYCLE"));
        if (!raw.containsKey("RUN_ID")) {
            String version = lifecycle == null ? "its first version" : "its second or third version";
            return "seed 001's pipeline, built by its SETUP_SNOWFLAKE.sql (" + version + "): every object, row and value it "
                    + "has is kept; deploy adds what SnowPulse needs beside them and replaces the code with the same names";
        }
        if (lifecycle != null && lifecycle.containsKey("LIFECYCLE_STAGE")) {
            return "an earlier SnowPulse's pipeline: its rows are kept; deploy adds seed 001's columns and rows beside them";
        }
        return "SnowPulse's pipeline: deploy brings its code up to date and keeps its data";
    }
}
