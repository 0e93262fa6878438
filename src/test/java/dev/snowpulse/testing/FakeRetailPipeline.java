package dev.snowpulse.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snowpulse.testing.FakeSnowflake.Column;
import dev.snowpulse.testing.FakeSnowflake.Failure;
import dev.snowpulse.testing.FakeSnowflake.Result;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seed 001's pipeline as a Snowflake account would answer the statements SnowPulse sends, on a {@link FakeSnowflake}:
 * deployed objects and the catalog that describes them (INFORMATION_SCHEMA, SHOW TASKS, SHOW STREAMS), task states
 * with Snowflake's rule that a graph only changes while its root is suspended, task history, the stream, reference
 * tables, generation runs with snapshots and checksums, and layer counts. It starts empty (no database), as deployed
 * by SnowPulse ({@link #deployed()}), or as the seed's own SETUP_SNOWFLAKE.sql left it ({@link #seedBuilt}).
 * It keeps the pipeline's behaviour small and explicit so tests can assert what the gateway sends and maps.
 */
public final class FakeRetailPipeline {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The reference tables DATA_GENERATION_AUDIT keeps a snapshot and checksum of, in its column order. */
    private static final List<String> AUDITED = List.of("CUSTOMER_SEGMENTS", "PRODUCT_CATEGORIES", "MARKETING_CHANNELS",
            "WAREHOUSES", "GENERATION_PARAMETERS", "CUSTOMER_LIFECYCLE");
    public static final String DB = "RETAIL_STREAMING_DEMO";
    public static final String CONTROL = DB + ".PUBLIC";
    public static final String ROOT = "DATA_GENERATION_TASK";
    public static final String BRONZE = "BRONZE_TRANSFORMATION_TASK";
    public static final String GOLD = "GOLD_TRANSFORMATION_TASK";
    /** Above this many events, GENERATE_RETAIL_DATA runs long enough for the driver to poll for its result. */
    public static final int SLOW_GENERATION = 10_000;

    private record Task(String name, String predecessor, String schedule, String definition, String warehouse, String[] state) {
    }

    private record Run(String task, String state, Instant scheduled, Instant started, Instant completed,
                       String errorCode, String errorMessage) {
    }

    private record AuditRow(String runId, Instant time, int[] requested, long generated, String status,
                            Map<String, String> snapshots, Map<String, String> checksums) {
    }

    private final FakeSnowflake snowflake;
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final List<Run> history = new ArrayList<>();
    private final List<AuditRow> audit = new ArrayList<>();
    private final Map<String, List<Map<String, Object>>> reference = new LinkedHashMap<>();
    private final Map<String, Long> layers = new LinkedHashMap<>();
    private final List<Pattern> denied = new ArrayList<>();
    private final Map<String, Map<String, String>> tables = new LinkedHashMap<>();
    private final java.util.Set<String> schemas = new java.util.LinkedHashSet<>();
    private final java.util.Set<String> routines = new java.util.LinkedHashSet<>();
    private final java.util.Set<String> streams = new java.util.LinkedHashSet<>();
    private final List<String> deployStatements = new ArrayList<>();
    private boolean databaseExists;
    private boolean deployed;
    private boolean bronzeFails;
    private long rawUnconsumed;
    private Instant clock = Instant.parse("2026-11-20T08:00:00Z");

    public FakeRetailPipeline(FakeSnowflake snowflake) {
        this.snowflake = snowflake;
        seedReference();
        layers.put("RAW_RETAIL_EVENTS", 0L);
        layers.put("STG_CUSTOMERS", 0L);
        layers.put("STG_PURCHASES", 0L);
        layers.put("DIM_CUSTOMERS", 0L);
        layers.put("FCT_SALES", 0L);
        rules();
    }

    /** Makes it as if SnowPulse's deploy had run. */
    public synchronized FakeRetailPipeline deployed() {
        deployed = true;
        databaseExists = true;
        task(ROOT, null, "USING CRON 0,30 * * * * UTC", "CALL " + CONTROL + ".GENERATE_RETAIL_DATA(5, 10, 3, 2)", null);
        task(BRONZE, ROOT, null, "CALL " + CONTROL + ".TRANSFORM_TO_BRONZE()", null);
        task(GOLD, BRONZE, null, "CALL " + CONTROL + ".TRANSFORM_TO_GOLD()", null);
        return this;
    }

    /** Makes it as if seed 001's own SETUP_SNOWFLAKE.sql (the given version) had built the database. */
    public synchronized FakeRetailPipeline seedBuilt(Seed001Objects.Version version) {
        deployed = true;
        databaseExists = true;
        schemas.addAll(Seed001Objects.SCHEMAS);
        Seed001Objects.tables(version).forEach((table, columns) -> {
            Map<String, String> typed = new LinkedHashMap<>();
            columns.forEach(c -> typed.put(c.split(" ")[0], c.split(" ")[1]));
            tables.put(table, typed);
        });
        Seed001Objects.routines(version).forEach(r -> routines.add(r.schema() + "." + r.name()));
        streams.add(Seed001Objects.STREAM);
        for (Seed001Objects.Task task : Seed001Objects.tasks()) {
            task(task.name(), task.predecessor(), task.schedule(), task.definition(), task.warehouse());
        }
        reference.clear();
        Seed001Objects.referenceRows(version).forEach((table, rows) -> {
            List<String> columns = Seed001Objects.tables(version).get("REFERENCE_DATA." + table).stream()
                    .map(c -> c.split(" ")[0]).toList();
            List<Map<String, Object>> kept = new ArrayList<>();
            for (List<String> values : rows) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < values.size(); i++) {
                    boolean number = values.get(i).matches("-?[0-9]+(\\.[0-9]+)?") && !columns.get(i).equals("PARAMETER_VALUE");
                    row.put(columns.get(i), number ? num(values.get(i)) : values.get(i));
                }
                kept.add(row);
            }
            reference.put(table, kept);
        });
        return this;
    }

    /** Every statement a deploy sent, in order. */
    public synchronized List<String> deployStatements() {
        return List.copyOf(deployStatements);
    }

    /** The columns a table has now, or null when it does not exist. */
    public synchronized java.util.Set<String> columns(String schemaTable) {
        Map<String, String> columns = tables.get(schemaTable);
        return columns == null ? null : java.util.Set.copyOf(columns.keySet());
    }

    /** Statements matching this fail with 003001, as they would for a role without the privilege. */
    public synchronized FakeRetailPipeline deny(String regex) {
        denied.add(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL));
        return this;
    }

    public synchronized void failBronze(boolean fails) {
        bronzeFails = fails;
    }

    public synchronized String state(String task) {
        return tasks.get(task).state()[0];
    }

    public synchronized int auditRows() {
        return audit.size();
    }

    private void task(String name, String predecessor, String schedule, String definition, String warehouse) {
        Task old = tasks.get(name);
        tasks.put(name, new Task(name, predecessor, schedule, definition, warehouse, old == null ? new String[]{"suspended"} : old.state()));
    }

    private void rules() {
        snowflake.answer(DEPLOYING, q -> guarded(q, () -> deploy(q.sql())));
        snowflake.answer("SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DATA_TYPE, IS_NULLABLE FROM " + DB + "\\.INFORMATION_SCHEMA\\.COLUMNS .*",
                q -> guarded(q, this::catalogColumns));
        snowflake.answer("SELECT SCHEMA_NAME FROM " + DB + "\\.INFORMATION_SCHEMA\\.SCHEMATA", q -> guarded(q,
                () -> strings("SCHEMA_NAME", schemas)));
        snowflake.answer("SELECT PROCEDURE_SCHEMA .* FROM " + DB + "\\.INFORMATION_SCHEMA\\.PROCEDURES UNION ALL .*FUNCTIONS",
                q -> guarded(q, () -> strings("NAME", routines)));
        snowflake.answer("SHOW TASKS IN DATABASE " + DB, q -> guarded(q, this::showTasks));
        snowflake.answer("SHOW STREAMS IN DATABASE " + DB, q -> guarded(q, this::showStreams));
        snowflake.answer("SELECT '[A-Z_.]+', \\w+::STRING FROM .*", q -> guarded(q, () -> referenceKeys(q.sql())));
        snowflake.answer("CALL " + CONTROL + "\\.START_PIPELINE\\(\\)", q -> guarded(q, this::start));
        snowflake.answer("CALL " + CONTROL + "\\.STOP_PIPELINE\\(\\)", q -> guarded(q, this::stop));
        snowflake.answer("CALL " + CONTROL + "\\.GENERATE_RETAIL_DATA\\(\\?, \\?, \\?, \\?\\)", q -> guarded(q, () -> generate(q)));
        snowflake.answer("SELECT LAYER, TABLE_NAME, RECORD_COUNT FROM TABLE\\(" + CONTROL + "\\.DATA_SUMMARY\\(\\)\\)",
                q -> guarded(q, this::summary));
        snowflake.answer("SHOW TASKS IN SCHEMA " + CONTROL, q -> guarded(q, this::showTasks));
        snowflake.answer("SELECT NAME, STATE, SCHEDULED_TIME, .*TASK_HISTORY\\(.*", q -> guarded(q, () -> history(q.sql())));
        snowflake.answer("SELECT SYSTEM\\$TASK_DEPENDENTS_ENABLE\\('" + CONTROL + "\\.(\\w+)'\\)", q -> guarded(q, () -> enableGraph(q.sql())));
        snowflake.answer("ALTER TASK " + CONTROL + "\\.(\\w+) (RESUME|SUSPEND)", q -> guarded(q, () -> alter(q.sql())));
        snowflake.answer("EXECUTE TASK " + CONTROL + "\\.(\\w+)( RETRY LAST)?", q -> guarded(q, () -> execute(q.sql())));
        snowflake.answer("SHOW STREAMS IN SCHEMA " + CONTROL, q -> guarded(q, this::showStreams));
        snowflake.answer("SELECT SYSTEM\\$STREAM_HAS_DATA\\('.*'\\)", q -> guarded(q,
                () -> Result.of(List.of(new Column("HAS_DATA", "boolean")), List.of(List.of(Boolean.toString(rawUnconsumed > 0))))));
        snowflake.answer("SELECT (\\w+), .* FROM " + DB + "\\.REFERENCE_DATA\\.(\\w+) WHERE \\w+ IS NOT NULL ORDER BY \\w+",
                q -> guarded(q, () -> readReference(q.sql())));
        snowflake.answer("UPDATE " + DB + "\\.REFERENCE_DATA\\.(\\w+) SET (\\w+) = .*, UPDATED_AT = SYSDATE\\(\\) WHERE (\\w+) = \\?",
                q -> guarded(q, () -> update(q)));
        snowflake.answer("SELECT RUN_ID, RUN_TIMESTAMP, .* FROM " + DB + "\\.REFERENCE_DATA\\.DATA_GENERATION_AUDIT ORDER BY RUN_TIMESTAMP DESC LIMIT \\?",
                q -> guarded(q, () -> auditRuns(Integer.parseInt(q.binding(1)))));
        snowflake.answer("SELECT RUN_ID, CUSTOMER_SEGMENTS_SNAPSHOT, .* WHERE RUN_ID IN \\(.*\\)", q -> guarded(q, () -> snapshots(q.bindings())));
    }

    private static final String DEPLOYING = "(?is)(CREATE|MERGE INTO|ALTER TASK IF EXISTS|ALTER TABLE) .*";

    /** What a deploy reads before it sends anything: answered whether or not anything is deployed. */
    private static final String CATALOG = "(?is)(SELECT .* INFORMATION_SCHEMA\\..*|SHOW (TASKS|STREAMS) IN DATABASE .*|SELECT '[A-Z_.]+', \\w+::STRING FROM .*)";

    private interface Answer {
        FakeSnowflake.Reply get();
    }

    private synchronized FakeSnowflake.Reply guarded(FakeSnowflake.Query query, Answer answer) {
        for (Pattern pattern : denied) {
            if (pattern.matcher(query.sql()).matches()) {
                return new Failure("003001", "SQL access control error:\nInsufficient privileges to operate on '" + DB + "'", "42501");
            }
        }
        boolean deploying = query.sql().matches(DEPLOYING) || query.sql().matches(CATALOG);
        if (!deployed && !deploying) {
            return new Failure("002003", "SQL compilation error:\nObject '" + CONTROL + "' does not exist or not authorized.", "02000");
        }
        return answer.get();
    }

    private FakeSnowflake.Reply deploy(String sql) {
        deployStatements.add(sql);
        Matcher task = Pattern.compile("(?is)CREATE OR ALTER TASK " + CONTROL + "\\.(\\w+)\\s(.*?)\\sAS\\s(.*)").matcher(sql);
        if (task.matches()) {
            Task existing = tasks.get(task.group(1));
            Task root = tasks.get(ROOT);
            if (existing != null && root != null && root.state()[0].equals("started")) {
                return new Failure("091027", "Unable to update graph with root task " + CONTROL + "." + ROOT
                        + " since that root task is not suspended.", "0A000");
            }
            Matcher schedule = Pattern.compile("SCHEDULE = '([^']+)'").matcher(task.group(2));
            Matcher after = Pattern.compile("AFTER " + CONTROL + "\\.(\\w+)").matcher(task.group(2));
            Matcher warehouse = Pattern.compile("WAREHOUSE = (\\w+)").matcher(task.group(2));
            task(task.group(1), after.find() ? after.group(1) : null, schedule.find() ? schedule.group(1) : null, task.group(3).strip(),
                    warehouse.find() ? warehouse.group(1) : null);
        }
        Matcher m;
        if ((m = Pattern.compile("(?is)CREATE DATABASE IF NOT EXISTS (\\w+)").matcher(sql)).lookingAt()) {
            databaseExists = true;
        } else if ((m = Pattern.compile("(?is)CREATE SCHEMA IF NOT EXISTS \\w+\\.(\\w+)").matcher(sql)).lookingAt()) {
            schemas.add(m.group(1));
        } else if ((m = Pattern.compile("(?is)CREATE TABLE IF NOT EXISTS \\w+\\.(\\w+\\.\\w+) \\((.*)\\)").matcher(sql)).lookingAt()) {
            if (!tables.containsKey(m.group(1))) {
                Map<String, String> columns = new LinkedHashMap<>();
                for (String line : m.group(2).split("\n")) {
                    Matcher column = Pattern.compile("^\\s*([A-Z_]+)\\s+([A-Z_]+)").matcher(line);
                    if (column.find()) {
                        columns.put(column.group(1), column.group(2));
                    }
                }
                tables.put(m.group(1), columns);
            }
        } else if ((m = Pattern.compile("(?is)ALTER TABLE \\w+\\.(\\w+\\.\\w+) ADD COLUMN IF NOT EXISTS (\\w+) (\\w+)").matcher(sql)).lookingAt()) {
            tables.get(m.group(1)).putIfAbsent(m.group(2), m.group(3));
        } else if ((m = Pattern.compile("(?is)CREATE OR REPLACE (PROCEDURE|FUNCTION) \\w+\\.(\\w+\\.\\w+)\\(").matcher(sql)).lookingAt()) {
            routines.add(m.group(2));
        } else if ((m = Pattern.compile("(?is)CREATE STREAM IF NOT EXISTS \\w+\\.(\\w+\\.\\w+)").matcher(sql)).lookingAt()) {
            streams.add(m.group(1));
        }
        if (sql.toUpperCase(Locale.ROOT).startsWith("CREATE OR REPLACE FUNCTION " + CONTROL + ".ANALYZE_HISTORICAL_PATTERNS")) {
            deployed = true; // the last statement of 08_controls.sql
        }
        return Result.statusMessage("Statement executed successfully.");
    }

    private FakeSnowflake.Reply catalogColumns() {
        if (!databaseExists) {
            return new Failure("002003", "SQL compilation error:\nDatabase '" + DB + "' does not exist or not authorized.", "02000");
        }
        List<List<String>> rows = new ArrayList<>();
        tables.forEach((table, columns) -> columns.forEach((column, type) -> rows.add(List.of(table.split("\\.")[0],
                table.split("\\.")[1], column, type.equals("STRING") ? "TEXT" : type, "YES"))));
        return Result.of(List.of(Column.text("TABLE_SCHEMA"), Column.text("TABLE_NAME"), Column.text("COLUMN_NAME"),
                Column.text("DATA_TYPE"), Column.text("IS_NULLABLE")), rows);
    }

    private static FakeSnowflake.Reply strings(String column, java.util.Collection<String> values) {
        return Result.of(List.of(Column.text(column)), values.stream().map(v -> List.of(v)).toList());
    }

    private FakeSnowflake.Reply referenceKeys(String sql) {
        List<List<String>> rows = new ArrayList<>();
        Matcher part = Pattern.compile("SELECT '([A-Z_.]+)', (\\w+)::STRING FROM \\w+\\.REFERENCE_DATA\\.(\\w+)").matcher(sql);
        while (part.find()) {
            for (Map<String, Object> row : reference.getOrDefault(part.group(3), List.of())) {
                rows.add(List.of(part.group(1), String.valueOf(row.get(part.group(2)))));
            }
        }
        return Result.of(List.of(Column.text("TABLE"), Column.text("KEY")), rows);
    }

    private FakeSnowflake.Reply start() {
        tasks.values().forEach(t -> t.state()[0] = "started");
        return Result.single("START_PIPELINE", "Pipeline started successfully! Data will be generated on the schedule USING CRON 0,30 * * * * UTC.");
    }

    private FakeSnowflake.Reply stop() {
        tasks.values().forEach(t -> t.state()[0] = "suspended");
        return Result.single("STOP_PIPELINE", "Pipeline stopped successfully");
    }

    private FakeSnowflake.Reply enableGraph(String sql) {
        String name = group(sql, "'" + CONTROL + "\\.(\\w+)'");
        if (!tasks.containsKey(name)) {
            return new Failure("002003", "Task '" + name + "' does not exist or not authorized.", "02000");
        }
        tasks.values().forEach(t -> t.state()[0] = "started");
        return Result.single("SYSTEM$TASK_DEPENDENTS_ENABLE", "");
    }

    private FakeSnowflake.Reply alter(String sql) {
        Matcher m = Pattern.compile("(?i)ALTER TASK " + CONTROL + "\\.(\\w+) (RESUME|SUSPEND)").matcher(sql);
        m.matches();
        Task task = tasks.get(m.group(1));
        if (task == null) {
            return new Failure("002003", "Task '" + m.group(1) + "' does not exist or not authorized.", "02000");
        }
        if (task.predecessor() != null && tasks.get(ROOT).state()[0].equals("started")) {
            return new Failure("091027", "Unable to update graph with root task " + CONTROL + "." + ROOT
                    + " since that root task is not suspended.", "0A000");
        }
        task.state()[0] = m.group(2).equalsIgnoreCase("RESUME") ? "started" : "suspended";
        return Result.statusMessage("Statement executed successfully.");
    }

    private FakeSnowflake.Reply execute(String sql) {
        String name = group(sql, "(?i)EXECUTE TASK " + CONTROL + "\\.(\\w+).*");
        boolean retry = sql.toUpperCase(Locale.ROOT).endsWith("RETRY LAST");
        clock = clock.plusSeconds(60);
        if (!retry) {
            generate(new int[]{5, 10, 3, 2});
            history.add(new Run(ROOT, "SUCCEEDED", clock, clock, clock.plusSeconds(4), null, null));
        }
        if (!started(BRONZE)) {
            // as on a schedule, a suspended child does not run
            return Result.statusMessage("Task " + name + " is scheduled to run immediately.");
        }
        if (bronzeFails) {
            history.add(new Run(BRONZE, "FAILED", clock, clock.plusSeconds(5), clock.plusSeconds(6), "100038",
                    "Numeric value 'abc' is not recognized"));
        } else if (started(GOLD)) {
            history.add(new Run(BRONZE, "SUCCEEDED", clock, clock.plusSeconds(5), clock.plusSeconds(7), null, null));
            history.add(new Run(GOLD, "SUCCEEDED", clock, clock.plusSeconds(8), clock.plusSeconds(9), null, null));
            layers.merge("STG_PURCHASES", rawUnconsumed, Long::sum);
            layers.put("FCT_SALES", layers.get("STG_PURCHASES"));
            layers.put("DIM_CUSTOMERS", layers.get("STG_CUSTOMERS"));
            rawUnconsumed = 0;
        }
        return Result.statusMessage("Task " + name + " is scheduled to run immediately.");
    }

    private boolean started(String task) {
        return tasks.get(task).state()[0].equals("started");
    }

    private FakeSnowflake.Reply generate(FakeSnowflake.Query query) {
        int[] counts = new int[4];
        for (int i = 0; i < 4; i++) {
            counts[i] = Integer.parseInt(query.binding(i + 1));
        }
        String message = generate(counts);
        Result result = Result.single("GENERATE_RETAIL_DATA", message);
        return counts[0] + counts[1] + counts[2] + counts[3] > SLOW_GENERATION ? new FakeSnowflake.Slow(result) : result;
    }

    private String generate(int[] counts) {
        String runId = UUID.randomUUID().toString();
        clock = clock.plusSeconds(30);
        long events = (long) counts[0] + counts[1] + counts[2] + counts[3];
        Map<String, String> snapshots = new LinkedHashMap<>();
        Map<String, String> checksums = new LinkedHashMap<>();
        AUDITED.forEach(table -> {
            String json = toJson(reference.getOrDefault(table, List.of()));
            snapshots.put(table, json);
            checksums.put(table, md5(json));
        });
        audit.add(new AuditRow(runId, clock, counts.clone(), events, "SUCCESS", snapshots, checksums));
        layers.merge("RAW_RETAIL_EVENTS", events, Long::sum);
        layers.merge("STG_CUSTOMERS", (long) counts[0], Long::sum);
        rawUnconsumed += counts[1];
        return "Successfully generated " + events + " events (Run ID: " + runId + ")";
    }

    private FakeSnowflake.Reply summary() {
        List<List<String>> rows = new ArrayList<>();
        layers.forEach((table, count) -> rows.add(List.of(layer(table), table, Long.toString(count))));
        rows.sort(java.util.Comparator.comparing((List<String> r) -> r.get(0)).thenComparing(r -> r.get(1)));
        return Result.of(List.of(Column.text("LAYER"), Column.text("TABLE_NAME"), new Column("RECORD_COUNT", "fixed")), rows);
    }

    private static String layer(String table) {
        return switch (table) {
            case "RAW_RETAIL_EVENTS" -> "Raw";
            case "STG_CUSTOMERS", "STG_PURCHASES" -> "Bronze";
            default -> "Gold";
        };
    }

    private FakeSnowflake.Reply showTasks() {
        List<Column> columns = List.of(new Column("created_on", "timestamp_ltz"), Column.text("name"), Column.text("id"),
                Column.text("database_name"), Column.text("schema_name"), Column.text("owner"), Column.text("comment"),
                Column.text("warehouse"), Column.text("schedule"), Column.text("predecessors"), Column.text("state"),
                Column.text("definition"), Column.text("condition"));
        List<List<String>> rows = new ArrayList<>();
        for (Task task : tasks.values()) {
            List<String> row = new ArrayList<>(List.of(epoch(Instant.parse("2026-11-01T00:00:00Z")), task.name(),
                    UUID.nameUUIDFromBytes(task.name().getBytes(StandardCharsets.UTF_8)).toString(), DB, "PUBLIC", "SYSADMIN",
                    "Retail pipeline"));
            row.add(task.warehouse());
            row.add(task.schedule());
            row.add(task.predecessor() == null ? "[]" : "[\n  \"" + CONTROL + "." + task.predecessor() + "\"\n]");
            row.add(task.state()[0]);
            row.add(task.definition());
            row.add(null);
            rows.add(row);
        }
        return Result.of(columns, rows);
    }

    private FakeSnowflake.Reply history(String sql) {
        boolean errorsOnly = sql.toUpperCase(Locale.ROOT).contains("ERROR_ONLY => TRUE");
        Matcher named = Pattern.compile("(?i)TASK_NAME => '(\\w+)'").matcher(sql);
        String only = named.find() ? named.group(1) : null;
        int limit = Integer.parseInt(group(sql, "(?is).*RESULT_LIMIT => (\\d+).*"));
        List<Column> columns = List.of(Column.text("NAME"), Column.text("STATE"), new Column("SCHEDULED_TIME", "timestamp_ltz"),
                new Column("QUERY_START_TIME", "timestamp_ltz"), new Column("COMPLETED_TIME", "timestamp_ltz"),
                Column.text("ERROR_CODE"), Column.text("ERROR_MESSAGE"), Column.text("QUERY_ID"), Column.text("RETURN_VALUE"));
        List<List<String>> rows = new ArrayList<>();
        if (!errorsOnly && (only == null || only.equalsIgnoreCase(ROOT)) && tasks.get(ROOT) != null
                && tasks.get(ROOT).state()[0].equals("started")) {
            rows.add(runRow(new Run(ROOT, "SCHEDULED", clock.plusSeconds(1800), null, null, null, null)));
        }
        for (Run run : history.reversed()) {
            if ((!errorsOnly || run.state().equals("FAILED")) && (only == null || only.equalsIgnoreCase(run.task()))) {
                rows.add(runRow(run));
            }
        }
        return Result.of(columns, rows.subList(0, Math.min(limit, rows.size())));
    }

    private static List<String> runRow(Run run) {
        List<String> row = new ArrayList<>();
        row.add(run.task());
        row.add(run.state());
        row.add(epoch(run.scheduled()));
        row.add(run.started() == null ? null : epoch(run.started()));
        row.add(run.completed() == null ? null : epoch(run.completed()));
        row.add(run.errorCode());
        row.add(run.errorMessage());
        row.add(run.started() == null ? null : UUID.nameUUIDFromBytes((run.task() + run.started()).getBytes(StandardCharsets.UTF_8)).toString());
        row.add(null);
        return row;
    }

    private FakeSnowflake.Reply showStreams() {
        List<Column> columns = List.of(new Column("created_on", "timestamp_ltz"), Column.text("name"), Column.text("database_name"),
                Column.text("schema_name"), Column.text("owner"), Column.text("comment"), Column.text("table_name"),
                Column.text("source_type"), Column.text("base_tables"), Column.text("type"), Column.text("stale"),
                Column.text("mode"), new Column("stale_after", "timestamp_ltz"));
        List<List<String>> rows = new ArrayList<>();
        if (deployed || streams.contains("PUBLIC.RAW_RETAIL_EVENTS_STREAM")) {
            List<String> row = new ArrayList<>(List.of(epoch(Instant.parse("2026-11-01T00:00:00Z")), "RAW_RETAIL_EVENTS_STREAM", DB,
                    "PUBLIC", "SYSADMIN"));
            row.add(null);
            row.addAll(List.of(DB + ".S1_RAW_DATA.RAW_RETAIL_EVENTS", "Table", DB + ".S1_RAW_DATA.RAW_RETAIL_EVENTS", "DELTA",
                    "false", "DEFAULT", epoch(Instant.parse("2026-12-04T08:00:00Z"))));
            rows.add(row);
        }
        return Result.of(columns, rows);
    }

    private FakeSnowflake.Reply readReference(String sql) {
        String table = group(sql, "(?is).* FROM " + DB + "\\.REFERENCE_DATA\\.(\\w+) WHERE .*");
        String[] columns = group(sql, "(?is)SELECT (.*) FROM .*").split(",\\s*");
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> row : reference.getOrDefault(table, List.of())) {
            List<String> values = new ArrayList<>();
            for (String column : columns) {
                Object value = row.get(column);
                values.add(value == null ? null : column.equals("PARAMETER_VALUE") ? toJson(value) : value instanceof String s ? s : value instanceof BigDecimal d
                        ? d.toPlainString() : toJson(value));
            }
            rows.add(values);
        }
        List<Column> types = new ArrayList<>();
        for (String column : columns) {
            types.add(Column.text(column));
        }
        return Result.of(types, rows);
    }

    private FakeSnowflake.Reply update(FakeSnowflake.Query query) {
        Matcher m = Pattern.compile("(?i)UPDATE " + DB + "\\.REFERENCE_DATA\\.(\\w+) SET (\\w+) = .* WHERE (\\w+) = \\?").matcher(query.sql());
        m.matches();
        String key = query.bindings().getLast();
        long updated = 0;
        for (Map<String, Object> row : reference.getOrDefault(m.group(1), List.of())) {
            if (key.equals(row.get(m.group(3)))) {
                Object old = row.get(m.group(2));
                String value = query.binding(1);
                boolean json = m.group(2).equals("PARAMETER_VALUE") && String.valueOf(row.get("PARAMETER_TYPE")).matches("(?i)ARRAY|OBJECT|LIST");
                row.put(m.group(2), old instanceof BigDecimal ? new BigDecimal(value) : json ? parseIfJson(m.group(2), value) : value);
                updated++;
            }
        }
        return Result.updated(updated);
    }

    private Object parseIfJson(String column, String value) {
        if (!column.equals("PARAMETER_VALUE")) {
            return value;
        }
        try {
            return JSON.readValue(value, Object.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private FakeSnowflake.Reply auditRuns(int limit) {
        List<Column> columns = new ArrayList<>(List.of(Column.text("RUN_ID"), new Column("RUN_TIMESTAMP", "timestamp_ntz"),
                Column.text("EXECUTION_STATUS"), new Column("CUSTOMER_EVENTS_REQUESTED", "fixed"),
                new Column("PURCHASE_EVENTS_REQUESTED", "fixed"), new Column("MARKETING_EVENTS_REQUESTED", "fixed"),
                new Column("SUPPLY_CHAIN_EVENTS_REQUESTED", "fixed"), new Column("EVENTS_GENERATED", "fixed"),
                Column.text("ERROR_MESSAGE"), new Column("EXECUTION_TIME_SECONDS", "real")));
        AUDITED.forEach(table -> columns.add(Column.text(table + "_CHECKSUM")));
        List<List<String>> rows = new ArrayList<>();
        for (AuditRow run : audit.reversed()) {
            List<String> row = new ArrayList<>(List.of(run.runId(), epoch(run.time()), run.status(),
                    Integer.toString(run.requested()[0]), Integer.toString(run.requested()[1]), Integer.toString(run.requested()[2]),
                    Integer.toString(run.requested()[3]), Long.toString(run.generated())));
            row.add(null);
            row.add("1.25");
            AUDITED.forEach(table -> row.add(run.checksums().get(table)));
            rows.add(row);
        }
        return Result.of(columns, rows.subList(0, Math.min(limit, rows.size())));
    }

    private FakeSnowflake.Reply snapshots(List<String> runIds) {
        List<Column> columns = new ArrayList<>(List.of(Column.text("RUN_ID")));
        AUDITED.forEach(table -> {
            columns.add(new Column(table + "_SNAPSHOT", "variant"));
            columns.add(Column.text(table + "_CHECKSUM"));
        });
        List<List<String>> rows = new ArrayList<>();
        for (AuditRow run : audit) {
            if (runIds.contains(run.runId())) {
                List<String> row = new ArrayList<>(List.of(run.runId()));
                AUDITED.forEach(table -> {
                    row.add(run.snapshots().get(table));
                    row.add(run.checksums().get(table));
                });
                rows.add(row);
            }
        }
        return Result.of(columns, rows);
    }

    /** A few of the seed's reference rows, as SnowPulse's deploy adds them. */
    private void seedReference() {
        reference.put("CUSTOMER_SEGMENTS", rows(new String[]{"SEGMENT_NAME", "WEIGHT", "AVG_ORDER_VALUE", "PURCHASE_FREQUENCY", "DESCRIPTION"},
                new Object[]{"occasional", num("0.25"), num("45.0"), num("0.05"), "Infrequent customers with lower spending"},
                new Object[]{"premium", num("0.15"), num("150.0"), num("0.3"), "High-value customers with frequent purchases"},
                new Object[]{"regular", num("0.60"), num("75.0"), num("0.15"), "Standard customers with moderate spending"}));
        reference.put("PRODUCT_CATEGORIES", rows(new String[]{"CATEGORY_NAME", "SEASONAL_PEAK_MONTHS", "MARGIN_RATE", "RETURN_RATE", "DESCRIPTION"},
                new Object[]{"books_media", "[9, 10, 11]", num("0.35"), num("0.02"), "Books and media content"},
                new Object[]{"electronics", "[11, 12]", num("0.25"), num("0.08"), "Electronic devices and gadgets"}));
        reference.put("MARKETING_CHANNELS", rows(new String[]{"CHANNEL_NAME", "COST_PER_ACQUISITION", "CONVERSION_RATE", "ENGAGEMENT_RATE",
                        "DESCRIPTION"},
                new Object[]{"email", num("15.0"), num("0.03"), num("0.25"), "Email marketing campaigns"}));
        reference.put("WAREHOUSES", rows(new String[]{"WAREHOUSE_ID", "LOCATION_NAME", "CAPACITY", "DESCRIPTION"},
                new Object[]{"WH_001", "West Coast", num("25000"), "Primary west coast distribution center"}));
        reference.put("GENERATION_PARAMETERS", rows(new String[]{"PARAMETER_NAME", "PARAMETER_VALUE", "PARAMETER_TYPE", "DESCRIPTION"},
                new Object[]{"payment_methods", List.of("credit_card", "paypal"), "ARRAY", "Available payment methods"},
                new Object[]{"repeat_customer_probability", "0.8", "NUMBER", "Probability of selecting an existing customer for purchases"}));
        reference.put("CUSTOMER_LIFECYCLE", rows(new String[]{"CUSTOMER_TYPE", "MIN_CUSTOMER_ID_EPOCH", "MAX_CUSTOMER_ID_EPOCH",
                        "CUSTOMER_COUNT", "IS_ACTIVE", "CHURN_PROBABILITY", "DESCRIPTION"},
                new Object[]{"CORE_LOYAL", num("1000000000"), num("1100000000"), num("3500"), "true", num("0.001"),
                        "Core loyal customers who continue spending forever with very low churn"}));
    }

    private static List<Map<String, Object>> rows(String[] columns, Object[]... values) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] row : values) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < columns.length; i++) {
                map.put(columns[i], row[i]);
            }
            rows.add(map);
        }
        return rows;
    }

    private static BigDecimal num(String value) {
        return new BigDecimal(value);
    }

    private static String toJson(Object value) {
        try {
            if (value instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof Map<?, ?>) {
                ArrayNode array = JSON.createArrayNode();
                for (Object row : list) {
                    ObjectNode object = array.addObject();
                    ((Map<?, ?>) row).forEach((k, v) -> object.set((String) k, JSON.valueToTree(v)));
                }
                return JSON.writeValueAsString(array);
            }
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String epoch(Instant instant) {
        return instant.getEpochSecond() + "." + String.format("%09d", instant.getNano());
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no match for " + regex + " in " + text);
        }
        return m.group(1);
    }
}
