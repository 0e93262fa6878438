package dev.snowpulse.pipeline.snowflake;

import dev.snowpulse.db.SnowflakeDriver;
import dev.snowpulse.db.SnowflakeTargets;
import dev.snowpulse.pipeline.deploy.DeployListener;
import dev.snowpulse.pipeline.deploy.DeployOptions;
import dev.snowpulse.pipeline.deploy.DeployReport;
import dev.snowpulse.pipeline.EventCounts;
import dev.snowpulse.pipeline.deploy.PipelineScripts;
import dev.snowpulse.pipeline.reference.ReferenceTable;
import dev.snowpulse.pipeline.deploy.SqlStatement;
import dev.snowpulse.pipeline.deploy.Change;
import dev.snowpulse.pipeline.deploy.DeployPlan;
import dev.snowpulse.profile.secret.Secret;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SnowflakeAuthenticator;
import dev.snowpulse.profile.SnowflakeSettings;
import dev.snowpulse.testing.FakeRetailPipeline;
import dev.snowpulse.testing.FakeSnowflake;
import dev.snowpulse.testing.Seed001Objects;
import dev.snowpulse.testing.Seed001Objects.Version;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deploying onto a database that seed 001's own SETUP_SNOWFLAKE.sql built, through the real snowflake-jdbc driver:
 * the plan is read from INFORMATION_SCHEMA (answered with the seed's columns) and names every change, and the deploy
 * sends exactly the files' statements plus the columns the seed's tables lack, all of them additive.
 */
class SeedDatabaseDeployTest {

    private static final String PASSWORD = "s3cret-pw";
    private static final String DB = "RETAIL_STREAMING_DEMO";

    private FakeSnowflake snowflake;
    private FakeRetailPipeline pipeline;
    private SnowflakePipelineGateway gateway;

    @BeforeEach
    void start() throws IOException {
        snowflake = new FakeSnowflake().user("alice", PASSWORD);
        pipeline = new FakeRetailPipeline(snowflake);
        SnowflakeSettings settings = new SnowflakeSettings("testacct", "alice", "SYSADMIN", "COMPUTE_WH", null, null,
                snowflake.url(), SnowflakeAuthenticator.PASSWORD, null, null, SecretRef.auto());
        gateway = new SnowflakePipelineGateway(SnowflakeDriver.classPath(), SnowflakeTargets.of(settings, Optional.of(new Secret(PASSWORD)),
                Duration.ofSeconds(10)), new DeployOptions(null, null, "COMPUTE_WH"));
    }

    @AfterEach
    void stop() {
        gateway.close();
        snowflake.close();
    }

    /** What the files send, with the statements the plan adds for the seed's tables right after their CREATE. */
    private static List<String> expected(List<String> added) {
        List<String> statements = new ArrayList<>();
        for (SqlStatement statement : PipelineScripts.snowflake(new DeployOptions(null, null, "COMPUTE_WH"))) {
            statements.add(statement.sql());
            String table = statement.sql().replaceAll("(?s)^CREATE TABLE IF NOT EXISTS (\\S+) \\(.*", "$1");
            added.stream().filter(a -> a.startsWith("ALTER TABLE " + table + " ")).forEach(statements::add);
        }
        return statements;
    }

    @Test
    void onTheSeedsLaterVersionsOnlyTheRunIdColumnIsAddedAndTheCodeReplaced() throws Exception {
        pipeline.seedBuilt(Version.LATER);

        DeployPlan plan = gateway.plan();

        assertThat(plan.found()).startsWith("seed 001's pipeline, built by its SETUP_SNOWFLAKE.sql (its second or third version)");
        assertThat(plan.changes()).filteredOn(c -> c.kind() == Change.Kind.COLUMN_ADDED).extracting(Change::describe)
                .containsExactly("column added: " + DB + ".S1_RAW_DATA.RAW_RETAIL_EVENTS.RUN_ID STRING");
        assertThat(plan.changes()).extracting(Change::kind).as("nothing else is added to the seed's tables")
                .doesNotContain(Change.Kind.TABLE_CREATED, Change.Kind.ROWS_ADDED, Change.Kind.NOT_NULL_DROPPED,
                        Change.Kind.PRIMARY_KEY_DROPPED, Change.Kind.STREAM_CREATED, Change.Kind.DATABASE_CREATED);
        assertThat(plan.changes()).extracting(Change::describe).contains(
                "replaced: procedure " + DB + ".PUBLIC.GENERATE_RETAIL_DATA",
                "replaced: procedure " + DB + ".PUBLIC.TRANSFORM_TO_BRONZE",
                "replaced: function " + DB + ".PUBLIC.DATA_SUMMARY",
                "created: procedure " + DB + ".PUBLIC.SNOWPULSE_GENERATE_EVENTS",
                "created: procedure " + DB + ".PUBLIC.VIEW_GENERATION_AUDIT",
                "task suspended for the deploy: " + DB + ".PUBLIC.DATA_GENERATION_TASK (Start resumes it)",
                "task replaced: " + DB + ".PUBLIC.DATA_GENERATION_TASK (runs CALL GENERATE_RETAIL_DATA(5, 10, 3, 2) → CALL "
                        + DB + ".PUBLIC.GENERATE_RETAIL_DATA(5, 10, 3, 2); warehouse RETAIL_DATA_LOADING_WH → COMPUTE_WH)");
        assertThat(pipeline.deployStatements()).as("planning sends nothing").isEmpty();

        long rowsBefore = gateway.reference(ReferenceTable.GENERATION_PARAMETERS).size();
        DeployReport report = gateway.deploy(plan, DeployListener.NONE);

        assertThat(report.ok()).as(report.describe()).isTrue();
        assertThat(pipeline.deployStatements()).containsExactlyElementsOf(expected(List.of(
                "ALTER TABLE " + DB + ".S1_RAW_DATA.RAW_RETAIL_EVENTS ADD COLUMN IF NOT EXISTS RUN_ID STRING")));
        assertThat(pipeline.deployStatements()).allSatisfy(SeedDatabaseDeployTest::additive);
        assertThat(pipeline.columns("S1_RAW_DATA.RAW_RETAIL_EVENTS")).contains("RUN_ID", "RAW_DATA", "CREATED_AT");
        assertThat(gateway.reference(ReferenceTable.GENERATION_PARAMETERS)).as("the seed's rows, no more").hasSize((int) rowsBefore);
        assertThat(gateway.generate(new EventCounts(1, 1, 0, 0))).startsWith("Successfully generated 2 events");
    }

    @Test
    void onTheSeedsFirstVersionTheLaterTablesColumnsAndRowsAreAddedBesideItsOwn() throws Exception {
        pipeline.seedBuilt(Version.FIRST);

        DeployPlan plan = gateway.plan();

        assertThat(plan.found()).contains("(its first version)");
        List<String> added = List.of(
                "ALTER TABLE " + DB + ".S1_RAW_DATA.RAW_RETAIL_EVENTS ADD COLUMN IF NOT EXISTS RUN_ID STRING",
                "ALTER TABLE " + DB + ".REFERENCE_DATA.DATA_GENERATION_AUDIT ADD COLUMN IF NOT EXISTS CUSTOMER_LIFECYCLE_SNAPSHOT VARIANT",
                "ALTER TABLE " + DB + ".REFERENCE_DATA.DATA_GENERATION_AUDIT ADD COLUMN IF NOT EXISTS CUSTOMER_LIFECYCLE_CHECKSUM STRING");
        assertThat(plan.changes()).filteredOn(c -> c.kind() != Change.Kind.ROUTINE_REPLACED && c.kind() != Change.Kind.ROUTINE_CREATED
                        && c.kind() != Change.Kind.TASK_REPLACED && c.kind() != Change.Kind.TASK_SUSPENDED)
                .extracting(Change::describe).containsExactly(
                        "rows added: " + DB + ".REFERENCE_DATA.GENERATION_PARAMETERS (PARAMETER_NAME core_loyal_customers, "
                                + "sliding_window_customers, sliding_window_days, new_customer_join_rate, sliding_customer_churn_rate)",
                        "table created: " + DB + ".REFERENCE_DATA.CUSTOMER_LIFECYCLE (9 columns)",
                        "rows added: " + DB + ".REFERENCE_DATA.CUSTOMER_LIFECYCLE (CUSTOMER_TYPE CORE_LOYAL, SLIDING_WINDOW)",
                        "table created: " + DB + ".REFERENCE_DATA.GENERATOR_CUSTOMER_STATUS (7 columns)",
                        "column added: " + DB + ".S1_RAW_DATA.RAW_RETAIL_EVENTS.RUN_ID STRING",
                        "column added: " + DB + ".REFERENCE_DATA.DATA_GENERATION_AUDIT.CUSTOMER_LIFECYCLE_SNAPSHOT VARIANT",
                        "column added: " + DB + ".REFERENCE_DATA.DATA_GENERATION_AUDIT.CUSTOMER_LIFECYCLE_CHECKSUM STRING");
        assertThat(gateway.reference(ReferenceTable.GENERATION_PARAMETERS)).filteredOn(r -> r.key().equals("repeat_customer_probability"))
                .singleElement().satisfies(r -> assertThat(r.value("PARAMETER_VALUE")).as("the seed's own value stays").isEqualTo("0.7"));

        DeployReport report = gateway.deploy(plan, DeployListener.NONE);

        assertThat(report.ok()).as(report.describe()).isTrue();
        assertThat(pipeline.deployStatements()).containsExactlyElementsOf(expected(added));
        assertThat(pipeline.deployStatements()).allSatisfy(SeedDatabaseDeployTest::additive);
        assertThat(pipeline.columns("REFERENCE_DATA.DATA_GENERATION_AUDIT")).contains("CUSTOMER_LIFECYCLE_SNAPSHOT", "RUN_TIMESTAMP");
        assertThat(gateway.plan().changes()).as("a second deploy adds nothing more")
                .noneMatch(c -> c.kind() == Change.Kind.COLUMN_ADDED || c.kind() == Change.Kind.TABLE_CREATED);
    }

    /** Nothing a deploy sends drops, rewrites, empties or updates a table (what a procedure does when called aside). */
    private static void additive(String sql) {
        String head = sql.strip().replaceAll("(?s)\\$\\$.*?\\$\\$", "\\$\\$ body \\$\\$").toUpperCase(java.util.Locale.ROOT);
        assertThat(head).matches("(?s)(CREATE (DATABASE|SCHEMA|TABLE|STREAM) IF NOT EXISTS|ALTER TABLE \\S+ ADD COLUMN IF NOT EXISTS"
                + "|MERGE INTO \\S+ T\\s+USING .*\\sWHEN NOT MATCHED THEN INSERT|CREATE OR REPLACE (PROCEDURE|FUNCTION)"
                + "|CREATE OR ALTER TASK|ALTER TASK IF EXISTS \\S+ SUSPEND)\\b.*");
        assertThat(head).doesNotContainPattern("(?s)^(CREATE OR (REPLACE|ALTER) TABLE|DROP|TRUNCATE|DELETE|UPDATE)\\b")
                .doesNotContain("WHEN MATCHED THEN UPDATE", "CREATE OR REPLACE STREAM");
    }

    @Test
    void seed001sObjectsAreAllThereAfterTheDeploy() throws Exception {
        pipeline.seedBuilt(Version.LATER);
        gateway.deploy(DeployListener.NONE);
        Seed001Objects.tables(Version.LATER).forEach((table, columns) -> assertThat(pipeline.columns(table)).as(table)
                .containsAll(columns.stream().map(c -> c.split(" ")[0]).toList()));
    }
}
