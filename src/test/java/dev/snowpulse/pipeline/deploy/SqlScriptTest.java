package dev.snowpulse.pipeline.deploy;

import dev.snowpulse.pipeline.PipelineNames;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlScriptTest {

    @Test
    void semicolonsInsideBodiesQuotesAndCommentsDoNotEndAStatement() {
        String text = """
                -- a header; with a semicolon
                CREATE TABLE T (A VARCHAR DEFAULT 'x;y', B VARCHAR DEFAULT 'it''s; fine');

                CREATE PROCEDURE P()
                AS
                $$
                BEGIN
                    SELECT 1;
                    RETURN 'done;';
                END;
                $$;
                SELECT 2 -- trailing; comment
                """;

        List<SqlStatement> statements = SqlScript.split(text, "x.sql");

        assertThat(statements).extracting(SqlStatement::line).containsExactly(2, 4, 12);
        assertThat(statements.get(0).sql()).isEqualTo("CREATE TABLE T (A VARCHAR DEFAULT 'x;y', B VARCHAR DEFAULT 'it''s; fine')");
        assertThat(statements.get(1).sql()).startsWith("CREATE PROCEDURE P()").endsWith("END;\n$$").contains("RETURN 'done;';");
        assertThat(statements.get(2).summary()).isEqualTo("SELECT 2 -- trailing; comment");
        assertThat(statements.get(1).location()).isEqualTo("x.sql:4");
    }

    @Test
    void anUnclosedBodyIsReportedWithItsLine() {
        assertThatThrownBy(() -> SqlScript.split("SELECT 1;\nCREATE PROCEDURE P() AS $$ BEGIN", "y.sql"))
                .hasMessage("y.sql:2: a $$ body is never closed");
    }

    @Test
    void variablesAreFilledAndAnUnknownOneIsNamed() {
        assertThat(SqlScript.render("USE <% database %>.<%schema%>;", Map.of("database", "D", "schema", "S"), "z.sql"))
                .isEqualTo("USE D.S;");
        assertThatThrownBy(() -> SqlScript.render("USE <% nope %>", Map.of(), "z.sql"))
                .hasMessage("z.sql: unknown variable <% nope %>");
    }

    @Test
    void everySnowflakeFileIsDeployedAndEachStatementIsOneDocumentedKind() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("sql/snowflake"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(PipelineScripts.SNOWFLAKE_FILES);
        }
        List<SqlStatement> statements = PipelineScripts.snowflake(DeployOptions.defaults());

        assertThat(statements).allSatisfy(s -> assertThat(s.sql())
                .matches("(?s)(CREATE (DATABASE|SCHEMA|TABLE|STREAM) IF NOT EXISTS|MERGE INTO|CREATE OR REPLACE (PROCEDURE|FUNCTION)"
                        + "|CREATE OR ALTER TASK|ALTER TASK IF EXISTS) .*")
                .doesNotContain("<%"));
        assertThat(statements).filteredOn(s -> s.sql().startsWith("CREATE OR REPLACE PROCEDURE"))
                .extracting(s -> s.sql().substring(s.sql().lastIndexOf('.', s.sql().indexOf('(')) + 1, s.sql().indexOf('(')))
                .containsExactly("SNOWPULSE_GENERATE_EVENTS", "GENERATE_RETAIL_DATA", "GENERATE_HISTORICAL_DATA",
                        "GENERATE_HISTORICAL_DATA_RANGE", "GENERATE_SAMPLE_HISTORICAL_DATA", "TRANSFORM_TO_BRONZE",
                        "TRANSFORM_TO_GOLD", "TRANSFORM_BRONZE_TO_GOLD", "START_PIPELINE", "STOP_PIPELINE", "CHECK_PIPELINE_STATUS",
                        "VIEW_GENERATION_AUDIT", "COMPARE_GENERATION_RUNS", "VIEW_RUN_SNAPSHOT");
        assertThat(statements).filteredOn(s -> s.sql().startsWith("CREATE OR REPLACE FUNCTION"))
                .extracting(s -> s.sql().substring(s.sql().lastIndexOf('.', s.sql().indexOf('(')) + 1, s.sql().indexOf('(')))
                .containsExactly("DATA_SUMMARY", "VIEW_REFERENCE_CONFIG", "ANALYZE_HISTORICAL_PATTERNS");
    }

    @Test
    void deployOptionsCheckTheScheduleAndWarehouse() {
        assertThat(new DeployOptions(null, "5 minutes", null).schedule()).isEqualTo("5 MINUTES");
        assertThat(new DeployOptions(null, "using cron 0 6 * * 1-5 Europe/Berlin", "compute_wh").variables())
                .containsEntry("task_schedule", "USING CRON 0 6 * * 1-5 Europe/Berlin")
                .containsEntry("task_compute", "WAREHOUSE = COMPUTE_WH");
        assertThat(DeployOptions.defaults().variables()).containsEntry("task_compute", "USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE = 'XSMALL'");
        assertThatThrownBy(() -> new DeployOptions(null, "every day", null)).hasMessageStartingWith("schedule: 'every day' is neither");
        assertThatThrownBy(() -> new DeployOptions(null, null, "wh; drop")).hasMessageStartingWith("warehouse: 'wh; drop' is not a plain identifier");
        assertThatThrownBy(() -> PipelineNames.inDatabase("my-db")).hasMessageStartingWith("database: 'my-db'");
    }
}
