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
 * deployed objects, task states with Snowflake's rule that a graph only changes while its root is suspended, task
 * history, the stream, reference tables, generation runs with snapshots and checksums, and layer counts.
 * It keeps the pipeline's behaviour small and explicit so tests can assert what the gateway sends and maps.
 */
public final class FakeRetailPipeline {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String DB = "RETAIL_STREAMING_DEMO";
    public static final String CONTROL = DB + ".PUBLIC";
    public static final String ROOT = "DATA_GENERATION_TASK";
    public static final String BRONZE = "BRONZE_TRANSFORMATION_TASK";
    public static final String GOLD = "GOLD_TRANSFORMATION_TASK";
    /** Above this many events, GENERATE_RETAIL_DATA runs long enough for the driver to poll for its result. */
    public static final int SLOW_GENERATION = 10_000;

    private record Task(String name, String predecessor, String schedule, String definition, String[] state) {
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

    /** Makes it as if deploy had run. */
    public synchronized FakeRetailPipeline deployed() {
        deployed = true;
        task(ROOT, null, "USING CRON */30 * * * * UTC", "CALL " + CONTROL + ".GENERATE_RETAIL_DATA(20, 50, 10, 5)");
        task(BRONZE, ROOT, null, "CALL " + CONTROL + ".TRANSFORM_RAW_TO_BRONZE()");
        task(GOLD, BRONZE, null, "CALL " + CONTROL + ".TRANSFORM_BRONZE_TO_GOLD()");
        return this;
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

    private void task(String name, String predecessor, String schedule, String definition) {
        tasks.putIfAbsent(name, new Task(name, predecessor, schedule, definition, new String[]{"suspended"}));
    }

    private void rules() {
        snowflake.answer("(CREATE|MERGE INTO|ALTER TASK IF EXISTS) .*", q -> guarded(q, () -> deploy(q.sql())));
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
        snowflake.answer("SHOW STREAMS IN SCHEMA " + DB + "\\.S1_RAW_DATA", q -> guarded(q, this::showStreams));
        snowflake.answer("SELECT SYSTEM\\$STREAM_HAS_DATA\\('.*'\\)", q -> guarded(q,
                () -> Result.of(List.of(new Column("HAS_DATA", "boolean")), List.of(List.of(Boolean.toString(rawUnconsumed > 0))))));
        snowflake.answer("SELECT (\\w+), .* FROM " + DB + "\\.REFERENCE_DATA\\.(\\w+) ORDER BY \\w+", q -> guarded(q, () -> readReference(q.sql())));
        snowflake.answer("UPDATE " + DB + "\\.REFERENCE_DATA\\.(\\w+) SET (\\w+) = (PARSE_JSON\\(\\?\\)|\\?) WHERE (\\w+) = \\?",
                q -> guarded(q, () -> update(q)));
        snowflake.answer("SELECT RUN_ID, RUN_TIMESTAMP, .* FROM " + DB + "\\.REFERENCE_DATA\\.DATA_GENERATION_AUDIT ORDER BY RUN_TIMESTAMP DESC LIMIT \\?",
                q -> guarded(q, () -> auditRuns(Integer.parseInt(q.binding(1)))));
        snowflake.answer("SELECT RUN_ID, CUSTOMER_SEGMENTS_SNAPSHOT, .* WHERE RUN_ID IN \\(.*\\)", q -> guarded(q, () -> snapshots(q.bindings())));
    }

    private interface Answer {
        FakeSnowflake.Reply get();
    }

    private synchronized FakeSnowflake.Reply guarded(FakeSnowflake.Query query, Answer answer) {
        for (Pattern pattern : denied) {
            if (pattern.matcher(query.sql()).matches()) {
                return new Failure("003001", "SQL access control error:\nInsufficient privileges to operate on '" + DB + "'", "42501");
            }
        }
        boolean deploying = query.sql().matches("(?is)(CREATE|MERGE INTO|ALTER TASK IF EXISTS) .*");
        if (!deployed && !deploying) {
            return new Failure("002003", "SQL compilation error:\nObject '" + CONTROL + "' does not exist or not authorized.", "02000");
        }
        return answer.get();
    }

    private FakeSnowflake.Reply deploy(String sql) {
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
            task(task.group(1), after.find() ? after.group(1) : null, schedule.find() ? schedule.group(1) : null, task.group(3).strip());
        }
        if (sql.toUpperCase(Locale.ROOT).startsWith("CREATE OR REPLACE FUNCTION " + CONTROL + ".VIEW_RUN_SNAPSHOT")) {
            deployed = true; // the last statement of 08_controls.sql
        }
        return Result.statusMessage("Statement executed successfully.");
    }

    private FakeSnowflake.Reply start() {
        tasks.values().forEach(t -> t.state()[0] = "started");
        return Result.single("START_PIPELINE", "pipeline started: DATA_GENERATION_TASK, BRONZE_TRANSFORMATION_TASK and GOLD_TRANSFORMATION_TASK resumed");
    }

    private FakeSnowflake.Reply stop() {
        tasks.values().forEach(t -> t.state()[0] = "suspended");
        return Result.single("STOP_PIPELINE", "pipeline stopped: all three tasks suspended");
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
            generate(new int[]{20, 50, 10, 5});
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
        reference.forEach((table, rows) -> {
            String json = toJson(rows);
            snapshots.put(table, json);
            checksums.put(table, md5(json));
        });
        audit.add(new AuditRow(runId, clock, counts.clone(), events, "SUCCESS", snapshots, checksums));
        layers.merge("RAW_RETAIL_EVENTS", events, Long::sum);
        layers.merge("STG_CUSTOMERS", (long) counts[0], Long::sum);
        rawUnconsumed += counts[1];
        return "run " + runId + ": " + events + " events generated";
    }

    private FakeSnowflake.Reply summary() {
        List<List<String>> rows = new ArrayList<>();
        layers.forEach((table, count) -> rows.add(List.of(layer(table), table, Long.toString(count))));
        rows.add(List.of("audit", "DATA_GENERATION_AUDIT", Integer.toString(audit.size())));
        return Result.of(List.of(Column.text("LAYER"), Column.text("TABLE_NAME"), new Column("RECORD_COUNT", "fixed")), rows);
    }

    private static String layer(String table) {
        return switch (table) {
            case "RAW_RETAIL_EVENTS" -> "raw";
            case "STG_CUSTOMERS", "STG_PURCHASES" -> "bronze";
            default -> "gold";
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
                    "SnowPulse retail pipeline"));
            row.add(null);
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
        List<String> row = new ArrayList<>(List.of(epoch(Instant.parse("2026-11-01T00:00:00Z")), "RAW_RETAIL_EVENTS_STREAM", DB,
                "S1_RAW_DATA", "SYSADMIN"));
        row.add(null);
        row.addAll(List.of(DB + ".S1_RAW_DATA.RAW_RETAIL_EVENTS", "Table", DB + ".S1_RAW_DATA.RAW_RETAIL_EVENTS", "DELTA",
                "false", "APPEND_ONLY", epoch(Instant.parse("2026-12-04T08:00:00Z"))));
        return Result.of(columns, List.of(row));
    }

    private FakeSnowflake.Reply readReference(String sql) {
        String table = group(sql, "(?is).* FROM " + DB + "\\.REFERENCE_DATA\\.(\\w+) ORDER BY.*");
        String[] columns = group(sql, "(?is)SELECT (.*) FROM .*").split(",\\s*");
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> row : reference.get(table)) {
            List<String> values = new ArrayList<>();
            for (String column : columns) {
                Object value = row.get(column);
                values.add(value == null ? null : value instanceof String s ? s : value instanceof BigDecimal d
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
        long updated = 0;
        for (Map<String, Object> row : reference.get(m.group(1))) {
            if (query.binding(2).equals(row.get(m.group(3)))) {
                Object old = row.get(m.group(2));
                String value = query.binding(1);
                row.put(m.group(2), old instanceof BigDecimal ? new BigDecimal(value) : parseIfJson(m.group(2), value));
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
        reference.keySet().forEach(table -> columns.add(Column.text(table + "_CHECKSUM")));
        List<List<String>> rows = new ArrayList<>();
        for (AuditRow run : audit.reversed()) {
            List<String> row = new ArrayList<>(List.of(run.runId(), epoch(run.time()), run.status(),
                    Integer.toString(run.requested()[0]), Integer.toString(run.requested()[1]), Integer.toString(run.requested()[2]),
                    Integer.toString(run.requested()[3]), Long.toString(run.generated())));
            row.add(null);
            row.add("1.25");
            reference.keySet().forEach(table -> row.add(run.checksums().get(table)));
            rows.add(row);
        }
        return Result.of(columns, rows.subList(0, Math.min(limit, rows.size())));
    }

    private FakeSnowflake.Reply snapshots(List<String> runIds) {
        List<Column> columns = new ArrayList<>(List.of(Column.text("RUN_ID")));
        reference.keySet().forEach(table -> {
            columns.add(new Column(table + "_SNAPSHOT", "variant"));
            columns.add(Column.text(table + "_CHECKSUM"));
        });
        List<List<String>> rows = new ArrayList<>();
        for (AuditRow run : audit) {
            if (runIds.contains(run.runId())) {
                List<String> row = new ArrayList<>(List.of(run.runId()));
                reference.keySet().forEach(table -> {
                    row.add(run.snapshots().get(table));
                    row.add(run.checksums().get(table));
                });
                rows.add(row);
            }
        }
        return Result.of(columns, rows);
    }

    private void seedReference() {
        reference.put("CUSTOMER_SEGMENTS", rows(new String[]{"SEGMENT_NAME", "WEIGHT", "AVG_ORDER_VALUE", "PURCHASE_FREQUENCY", "DESCRIPTION"},
                new Object[]{"occasional", num("0.25"), num("45.0"), num("0.05"), "Infrequent, price-sensitive customers"},
                new Object[]{"premium", num("0.15"), num("150.0"), num("0.30"), "High-value customers who buy often"},
                new Object[]{"regular", num("0.60"), num("75.0"), num("0.15"), "Steady customers with average baskets"}));
        reference.put("PRODUCT_CATEGORIES", rows(new String[]{"CATEGORY_NAME", "SEASONAL_PEAK_MONTHS", "MARGIN_RATE", "RETURN_RATE", "DESCRIPTION"},
                new Object[]{"books_media", "[8, 9, 12]", num("0.30"), num("0.03"), "Books, music and films"},
                new Object[]{"electronics", "[11, 12]", num("0.25"), num("0.08"), "Phones, computers and accessories"}));
        reference.put("MARKETING_CHANNELS", rows(new String[]{"CHANNEL_NAME", "COST_PER_ACQUISITION", "CONVERSION_RATE", "ENGAGEMENT_RATE"},
                new Object[]{"email", num("5.0"), num("0.04"), num("0.22")}));
        reference.put("WAREHOUSES", rows(new String[]{"WAREHOUSE_ID", "LOCATION_NAME", "CAPACITY"},
                new Object[]{"WH-EAST", "Newark, NJ", num("50000")}));
        reference.put("GENERATION_PARAMETERS", rows(new String[]{"PARAMETER_NAME", "PARAMETER_VALUE", "PARAMETER_TYPE", "DESCRIPTION"},
                new Object[]{"payment_methods", List.of("credit_card", "paypal"), "list", "Ways customers pay"},
                new Object[]{"repeat_customer_probability", num("0.8"), "probability", "Chance that a purchase comes from a known customer"}));
        reference.put("CUSTOMER_LIFECYCLE", rows(new String[]{"LIFECYCLE_STAGE", "SHARE", "CHURN_RATE", "ACTIVE_DAYS", "DESCRIPTION"},
                new Object[]{"core_loyal", num("0.30"), num("0.02"), num("365"), "Customers who stay and buy again"}));
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
