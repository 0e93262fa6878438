package dev.snowpulse.pipeline;

import dev.snowpulse.pipeline.deploy.SqlStatement;
import dev.snowpulse.pipeline.deploy.PipelineScripts;
import dev.snowpulse.pipeline.deploy.DeployOptions;
import dev.snowpulse.pipeline.deploy.ColumnDefinition;
import dev.snowpulse.pipeline.deploy.TableDefinition;
import dev.snowpulse.testing.Seed001Objects;
import dev.snowpulse.testing.Seed001Objects.Version;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every object of seed 001 (tables with their columns, procedures and functions with their arguments and call forms,
 * tasks, the stream, reference rows with their values), held as data in {@link Seed001Objects}, checked against what
 * sql/snowflake deploys, and the reference rows and columns of sql/local-pipeline against the same.
 */
class Seed001FidelityTest {

    private static final List<SqlStatement> SNOWFLAKE = PipelineScripts.snowflake(DeployOptions.defaults());
    private static final List<SqlStatement> LOCAL = PipelineScripts.local(PipelineSettings.forLocal("db", null));

    private static Map<String, TableDefinition> tables(List<SqlStatement> statements) {
        Map<String, TableDefinition> tables = new LinkedHashMap<>();
        for (SqlStatement statement : statements) {
            TableDefinition.parse(statement).ifPresent(t -> tables.put(dev.snowpulse.pipeline.deploy.Catalog.key(t.name()), t));
        }
        return tables;
    }

    /** STRING and VARCHAR are one type; INTEGER is NUMBER(38, 0); PostgreSQL's names map onto Snowflake's. */
    private static String family(String type) {
        String t = type.toUpperCase(Locale.ROOT).replaceAll("\\(.*", "").strip();
        return switch (t) {
            case "STRING", "VARCHAR", "TEXT" -> "STRING";
            case "INTEGER", "INT", "BIGINT", "NUMBER", "BIGSERIAL" -> "INTEGER";
            case "FLOAT", "DOUBLE PRECISION", "DOUBLE" -> "FLOAT";
            case "TIMESTAMP_NTZ", "TIMESTAMP" -> "TIMESTAMP_NTZ";
            case "VARIANT", "JSONB", "OBJECT" -> "VARIANT";
            default -> t;
        };
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void everySeedTableAndColumnIsDeployedWithItsTypeInTheSeedsOrder(Version version) {
        Map<String, TableDefinition> snowflake = tables(SNOWFLAKE);
        Map<String, TableDefinition> local = tables(LOCAL);
        Seed001Objects.tables(version).forEach((name, columns) -> {
            TableDefinition deployed = snowflake.get(name);
            assertThat(deployed).as(name + " in sql/snowflake").isNotNull();
            TableDefinition onPostgres = local.get(name);
            assertThat(onPostgres).as(name + " in sql/local-pipeline").isNotNull();
            List<String> seedOrder = new ArrayList<>();
            for (String column : columns) {
                String[] parts = column.split(" ");
                seedOrder.add(parts[0]);
                ColumnDefinition found = deployed.column(parts[0]).orElse(null);
                assertThat(found).as(name + "." + parts[0]).isNotNull();
                assertThat(family(found.type())).as(name + "." + parts[0] + " type").isEqualTo(family(parts[1]));
                ColumnDefinition local1 = onPostgres.column(parts[0]).orElse(null);
                assertThat(local1).as(name + "." + parts[0] + " on PostgreSQL").isNotNull();
                assertThat(family(local1.type())).as(name + "." + parts[0] + " type on PostgreSQL").isEqualTo(family(parts[1]));
            }
            // the seed's columns come first and in its order, so SELECT * and positional INSERTs keep working
            if (version == Version.LATER) {
                assertThat(deployed.columns().stream().map(ColumnDefinition::name).toList().subList(0, seedOrder.size()))
                        .as(name + " column order").containsExactlyElementsOf(seedOrder);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void everySeedProcedureAndFunctionKeepsItsNameArgumentsAndCallForm(Version version) {
        Map<String, String> deployed = new LinkedHashMap<>();
        Pattern routine = Pattern.compile("(?s)CREATE OR REPLACE (PROCEDURE|FUNCTION) RETAIL_STREAMING_DEMO\\.(\\w+)\\.(\\w+)\\((.*?)\\)\\s*RETURNS.*");
        for (SqlStatement statement : SNOWFLAKE) {
            Matcher m = routine.matcher(statement.sql());
            if (m.matches()) {
                deployed.put(m.group(2) + "." + m.group(3), m.group(1) + "(" + m.group(4).replaceAll("\\s+", " ").strip() + ")");
            }
        }
        for (Seed001Objects.Routine seed : Seed001Objects.routines(version)) {
            String expected = (seed.procedure() ? "PROCEDURE" : "FUNCTION") + "(" + String.join(", ", seed.arguments()) + ")";
            assertThat(deployed.get(seed.schema() + "." + seed.name())).as(seed.name()).isEqualTo(expected);
        }
        assertThat(deployed).as("the call the seed's README makes but the seed never defined").containsEntry(
                "PUBLIC.VIEW_GENERATION_AUDIT", "PROCEDURE(N INTEGER DEFAULT 20)").containsKey("PUBLIC.TRANSFORM_BRONZE_TO_GOLD");
    }

    @Test
    void theTasksTheStreamAndTheScheduleAreTheSeeds() {
        Map<String, String> tasks = new LinkedHashMap<>();
        for (SqlStatement statement : SNOWFLAKE) {
            Matcher m = Pattern.compile("(?s)CREATE OR ALTER TASK RETAIL_STREAMING_DEMO\\.PUBLIC\\.(\\w+)\\s(.*)").matcher(statement.sql());
            if (m.matches()) {
                tasks.put(m.group(1), m.group(2));
            }
        }
        for (Seed001Objects.Task seed : Seed001Objects.tasks()) {
            String body = tasks.get(seed.name());
            assertThat(body).as(seed.name()).isNotNull();
            assertThat(body.replace("RETAIL_STREAMING_DEMO.PUBLIC.", "")).as(seed.name() + " runs what the seed's runs")
                    .contains("AS\n    " + seed.definition());
            if (seed.schedule() != null) {
                assertThat(body).contains("SCHEDULE = '" + seed.schedule() + "'");
            }
            if (seed.predecessor() != null) {
                assertThat(body).contains("AFTER RETAIL_STREAMING_DEMO.PUBLIC." + seed.predecessor());
            }
        }
        assertThat(SNOWFLAKE).extracting(SqlStatement::sql).anyMatch(sql -> sql.startsWith(
                "CREATE STREAM IF NOT EXISTS RETAIL_STREAMING_DEMO." + Seed001Objects.STREAM + "\n    ON TABLE RETAIL_STREAMING_DEMO.S1_RAW_DATA.RAW_RETAIL_EVENTS"));
    }

    @Test
    void everySeedReferenceRowIsAddedWithItsValuesOnBothBackends() {
        Map<String, List<List<String>>> snowflake = rowsAdded(SNOWFLAKE);
        Map<String, List<List<String>>> local = rowsAdded(LOCAL);
        Seed001Objects.referenceRows(Version.LATER).forEach((table, rows) -> {
            for (List<String> seed : rows) {
                for (Map<String, List<List<String>>> backend : List.of(snowflake, local)) {
                    List<String> added = backend.getOrDefault(table, List.of()).stream()
                            .filter(r -> r.getFirst().equals(seed.getFirst())).findFirst().orElse(null);
                    assertThat(added).as(table + " " + seed.getFirst()).isNotNull();
                    for (int i = 0; i < seed.size(); i++) {
                        if (table.equals("CUSTOMER_LIFECYCLE") && seed.getFirst().equals("SLIDING_WINDOW") && i == 2) {
                            continue; // the seed's own setup time
                        }
                        assertThat(same(added.get(i), seed.get(i))).as(table + " " + seed.getFirst() + " value " + i + ": "
                                + added.get(i) + " vs " + seed.get(i)).isTrue();
                    }
                }
            }
            assertThat(snowflake.get(table)).as(table + ": no rows beside the seed's").hasSameSizeAs(rows);
        });
    }

    @Test
    void everyTimeThePipelineStampsInSnowflakeIsUtc() {
        // a table's DEFAULT keeps the seed's CURRENT_TIMESTAMP(); what the pipeline writes itself is SYSDATE() or UTC
        for (SqlStatement statement : SNOWFLAKE) {
            if (statement.sql().contains("$$")) {
                String body = statement.sql().substring(statement.sql().indexOf("$$"));
                assertThat(body).as(statement.location()).doesNotContain("CURRENT_TIMESTAMP", "current_timestamp", "utcnow()",
                        "datetime.now()", "LOCALTIMESTAMP", "CURRENT_DATE", "date.today()");
            }
        }
        // on PostgreSQL, LocalPipelineGatewayTest runs the pipeline in another session time zone and reads the stamps
    }

    private static boolean same(String deployed, String seed) {
        if (deployed.matches("-?[0-9.]+") && seed.matches("-?[0-9.]+")) {
            return new BigDecimal(deployed).compareTo(new BigDecimal(seed)) == 0;
        }
        return deployed.equalsIgnoreCase(seed);
    }

    /** The rows each MERGE (Snowflake) or INSERT ... WHERE NOT EXISTS (PostgreSQL) adds, by table, values as text. */
    private static Map<String, List<List<String>>> rowsAdded(List<SqlStatement> statements) {
        Map<String, List<List<String>>> rows = new LinkedHashMap<>();
        Pattern target = Pattern.compile("(?is)(?:MERGE|INSERT) INTO \\S+\\.(\\w+)\\b.*?\\bVALUES\\b(.*?)\\)\\s*AS v\\b");
        for (SqlStatement statement : statements) {
            Matcher m = target.matcher(statement.sql());
            if (!m.find() || m.group(1).equalsIgnoreCase("tasks")) {
                continue;
            }
            List<List<String>> tuples = new ArrayList<>();
            for (String tuple : tuples(m.group(2) + ")")) {
                tuples.add(values(tuple));
            }
            rows.put(m.group(1).toUpperCase(Locale.ROOT), tuples);
        }
        return rows;
    }

    private static List<String> tuples(String text) {
        List<String> tuples = new ArrayList<>();
        int depth = 0;
        int start = -1;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                if (depth++ == 0) {
                    start = i + 1;
                }
            } else if (!quoted && c == ')' && --depth == 0) {
                tuples.add(text.substring(start, i));
            }
        }
        return tuples;
    }

    private static List<String> values(String tuple) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("\\s*('(?:[^']|'')*'|[^,]+)\\s*(?:,|$)").matcher(tuple);
        while (m.find() && !m.group(1).isBlank()) {
            String value = m.group(1).strip();
            value = value.startsWith("'") ? value.substring(1, value.length() - 1).replace("''", "'") : value.replaceAll("::\\w+$", "");
            values.add(value);
        }
        return values;
    }
}
