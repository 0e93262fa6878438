package dev.snowpulse.pipeline.local;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.pipeline.deploy.DeployListener;
import dev.snowpulse.pipeline.deploy.DeployOptions;
import dev.snowpulse.pipeline.deploy.DeployReport;
import dev.snowpulse.pipeline.EventCounts;
import dev.snowpulse.pipeline.PipelineSettings;
import dev.snowpulse.pipeline.deploy.SqlScript;
import dev.snowpulse.pipeline.deploy.SqlStatement;
import dev.snowpulse.pipeline.deploy.Change;
import dev.snowpulse.pipeline.deploy.DeployPlan;
import dev.snowpulse.testing.Seed001Objects;
import dev.snowpulse.testing.Seed001Objects.Version;
import dev.snowpulse.testing.Sql;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline on PostgreSQL deployed over what a database already holds: seed 001's tables and values (rebuilt from
 * {@link Seed001Objects} with PostgreSQL's types), and an earlier SnowPulse's pipeline (its files as they were, kept
 * as test resources). Rows are kept, the plan names every change, and the pipeline runs afterwards.
 */
class LocalPipelineAdoptionTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    private static String postgresType(String snowflake) {
        return switch (snowflake) {
            case "STRING" -> "text";
            case "FLOAT" -> "double precision";
            case "INTEGER" -> "bigint";
            case "TIMESTAMP_NTZ" -> "timestamp";
            case "VARIANT" -> "jsonb";
            default -> snowflake.toLowerCase(Locale.ROOT);
        };
    }

    /** Seed 001's tables in PostgreSQL's words: its columns and keys, its reference rows, and one event as it wrote it. */
    private static void seedTables(PostgresEndpoint db) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (String schema : List.of("s1_raw_data", "s2_bronze", "s3_gold", "reference_data", "data_quality")) {
            sql.append("create schema ").append(schema).append(";\n");
        }
        Seed001Objects.tables(Version.LATER).forEach((table, columns) -> {
            List<String> defined = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                String[] parts = columns.get(i).split(" ");
                boolean key = i == 0 && !table.endsWith("RAW_RETAIL_EVENTS");
                defined.add(parts[0].toLowerCase(Locale.ROOT) + " " + postgresType(parts[1]) + (key ? " primary key" : "")
                        + (parts[0].endsWith("_AT") ? " default now()" : ""));
            }
            sql.append("create table ").append(table.toLowerCase(Locale.ROOT)).append(" (").append(String.join(", ", defined)).append(");\n");
        });
        Seed001Objects.referenceRows(Version.LATER).forEach((table, rows) -> {
            List<String> columns = Seed001Objects.tables(Version.LATER).get("REFERENCE_DATA." + table).stream()
                    .map(c -> c.split(" ")[0].toLowerCase(Locale.ROOT)).toList();
            for (List<String> row : rows) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    String value = row.get(i).replace("'", "''");
                    values.add(columns.get(i).equals("parameter_value") ? (row.get(i).startsWith("[") ? "'" + value + "'::jsonb"
                            : "to_jsonb('" + value + "'::text)") : "'" + value + "'");
                }
                sql.append("insert into reference_data.").append(table.toLowerCase(Locale.ROOT)).append(" (")
                        .append(String.join(", ", columns.subList(0, row.size()))).append(") values (")
                        .append(String.join(", ", values)).append(");\n");
            }
        });
        // the seed's generator stored each event as the JSON text of the whole event, under the first version's name
        sql.append("insert into s1_raw_data.raw_retail_events (event_id, event_type, \"timestamp\", raw_data) values ('CUST_EVT_1234567', "
                + "'customer_profile_update', '2026-11-30 10:00', to_jsonb('{\"event_id\": \"CUST_EVT_1234567\", \"customer_id\": "
                + "\"CUST_100042\", \"event_type\": \"customer_profile_update\", \"timestamp\": \"2026-11-30T10:00:00\", \"data\": "
                + "{\"customer_segment\": \"premium\", \"age\": 51, \"income\": 123000, \"location\": {\"state\": \"NY\"}}}'::text));\n");
        Sql.execute(db, sql.toString());
    }

    private static List<String> rows(PostgresEndpoint db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join(" | ", values));
            }
            return rows;
        }
    }

    private static List<String> seedRows(PostgresEndpoint db) throws SQLException {
        List<String> all = new ArrayList<>();
        for (String table : Seed001Objects.referenceRows(Version.LATER).keySet()) {
            List<String> columns = Seed001Objects.tables(Version.LATER).get("REFERENCE_DATA." + table).stream()
                    .map(c -> c.split(" ")[0].toLowerCase(Locale.ROOT)).toList();
            all.addAll(rows(db, "select " + String.join(", ", columns) + " from reference_data." + table + " order by 1"));
        }
        all.addAll(rows(db, "select event_id, event_type, \"timestamp\", raw_data, created_at from s1_raw_data.raw_retail_events"));
        return all;
    }

    @Test
    void seed001sTablesKeepEveryRowAndValueAndGetOnlyWhatThePipelineAdds() throws Exception {
        PostgresEndpoint db = TestPostgres.endpoint(pg.freshDatabase());
        seedTables(db);
        List<String> before = seedRows(db);
        LocalPipelineGateway gateway = new LocalPipelineGateway(db, PipelineSettings.forLocal(db.settings().database(), null));

        DeployPlan plan = gateway.plan();

        assertThat(plan.found()).startsWith("seed 001's pipeline").contains("its second or third version");
        assertThat(plan.changes()).extracting(Change::kind).as("only additions, and nothing of the seed's rows")
                .doesNotContain(Change.Kind.ROWS_ADDED, Change.Kind.NOT_NULL_DROPPED, Change.Kind.PRIMARY_KEY_DROPPED,
                        Change.Kind.TYPE_WIDENED);
        assertThat(plan.changes()).filteredOn(c -> c.kind() == Change.Kind.COLUMN_ADDED).extracting(Change::subject)
                .containsExactly("S1_RAW_DATA.raw_retail_events.run_id text", "S1_RAW_DATA.raw_retail_events.event_seq bigserial",
                        "S1_RAW_DATA.raw_retail_events.consumed_at timestamp");
        assertThat(plan.changes()).filteredOn(c -> c.kind() == Change.Kind.TABLE_CREATED).extracting(Change::subject)
                .as("only SnowPulse's own task tables").containsExactly("RETAIL_PIPELINE.tasks", "RETAIL_PIPELINE.task_history");

        DeployReport report = gateway.deploy(plan, DeployListener.NONE);
        assertThat(report.ok()).as(report.describe()).isTrue();
        assertThat(seedRows(db)).containsExactlyElementsOf(before);

        // the seed's own event, stored as JSON text, is read into bronze with the events SnowPulse generates
        assertThat(gateway.generate(new EventCounts(0, 3, 0, 0))).startsWith("Successfully generated 3 events");
        Sql.single(db, "select retail_pipeline.transform_to_bronze()");
        assertThat(rows(db, "select customer_segment, age, annual_income, state from s2_bronze.stg_customers where customer_id = 'CUST_100042'"))
                .containsExactly("premium | 51 | 123000 | NY");
        assertThat(Sql.single(db, "select count(*) from s2_bronze.stg_purchases")).isEqualTo("3");
        gateway.close();
    }

    /** An earlier SnowPulse's local pipeline, deployed from its own files and run once. */
    private static void earlierPipeline(PostgresEndpoint db, DeployOptions options) throws Exception {
        Map<String, String> variables = new java.util.HashMap<>(options.variables());
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String file : List.of("01_reference", "02_raw", "03_generator", "04_bronze", "05_gold", "06_tasks", "07_controls", "08_runner")) {
                String text;
                try (InputStream in = LocalPipelineAdoptionTest.class.getResourceAsStream("/sql/earlier-local-pipeline/" + file + ".sql")) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                for (SqlStatement statement : SqlScript.split(SqlScript.render(text, variables, file), file)) {
                    s.execute(statement.sql());
                }
            }
            s.execute("select * from retail_pipeline.generate_retail_data(3, 4, 1, 1)");
            s.execute("select retail_pipeline.transform_raw_to_bronze()");
            s.execute("select retail_pipeline.transform_bronze_to_gold()");
        }
    }

    @Test
    void anEarlierSnowPulsesPipelineIsBroughtUpToDateWithItsRowsKept() throws Exception {
        PostgresEndpoint db = TestPostgres.endpoint(pg.freshDatabase());
        DeployOptions options = PipelineSettings.forLocal(db.settings().database(), null);
        earlierPipeline(db, options);
        String counts = "select (select count(*) from s1_raw_data.raw_retail_events) || '/' || (select count(*) from s2_bronze.stg_purchases)"
                + " || '/' || (select count(*) from s3_gold.fct_sales) || '/' || (select count(*) from reference_data.data_generation_audit)"
                + " || '/' || (select count(*) from reference_data.warehouses)";
        assertThat(Sql.single(db, counts)).isEqualTo("9/4/4/1/4");
        String oldRunTime = Sql.single(db, "select to_char(run_timestamp at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') from reference_data.data_generation_audit");
        LocalPipelineGateway gateway = new LocalPipelineGateway(db, options);

        DeployPlan plan = gateway.plan();

        assertThat(plan.found()).startsWith("an earlier SnowPulse's pipeline");
        assertThat(plan.changes()).extracting(Change::describe).contains(
                "primary key dropped: REFERENCE_DATA.customer_lifecycle customer_lifecycle_pkey (on LIFECYCLE_STAGE, a column this version does not use)",
                "NOT NULL dropped: REFERENCE_DATA.customer_lifecycle.LIFECYCLE_STAGE (this version does not fill it; its values are kept)",
                "column type changed, values kept: S1_RAW_DATA.raw_retail_events.event_id (uuid → text)",
                "column type changed, values kept: REFERENCE_DATA.data_generation_audit.run_timestamp (timestamptz → timestamp in UTC, the same instants)",
                "column added: REFERENCE_DATA.customer_lifecycle.customer_type text");

        DeployReport report = gateway.deploy(plan, DeployListener.NONE);

        assertThat(report.ok()).as(report.describe()).isTrue();
        assertThat(Sql.single(db, counts)).as("every old row is kept; the seed's warehouses join the old ones").isEqualTo("9/4/4/1/8");
        assertThat(gateway.auditRuns(5)).singleElement().satisfies(run ->
                assertThat(dev.snowpulse.pipeline.PipelineReports.time(run.runTime())).isEqualTo(oldRunTime));
        assertThat(gateway.generate(new EventCounts(2, 5, 0, 0))).startsWith("Successfully generated 7 events");
        Sql.single(db, "select retail_pipeline.transform_to_bronze()");
        Sql.single(db, "select retail_pipeline.transform_to_gold()");
        assertThat(Sql.single(db, "select count(*) from s3_gold.fct_sales")).isEqualTo("9");
        assertThat(gateway.auditRuns(5)).hasSize(2);
        assertThat(gateway.plan().changes()).extracting(Change::kind).as("once brought up to date, a redeploy only replaces code")
                .doesNotContain(Change.Kind.COLUMN_ADDED, Change.Kind.TABLE_CREATED, Change.Kind.NOT_NULL_DROPPED, Change.Kind.TYPE_WIDENED);
        gateway.close();
    }
}
