package dev.snowpulse.cli;

import dev.snowpulse.testing.CliRunner;
import dev.snowpulse.testing.CliRunner.Run;
import dev.snowpulse.testing.FakeRetailPipeline;
import dev.snowpulse.testing.FakeSnowflake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `snowpulse pipeline ...` on a Snowflake profile, through the real driver, against the fake account. */
class PipelineCliTest {

    @TempDir
    Path home;

    private FakeSnowflake snowflake;
    private FakeRetailPipeline pipeline;

    @BeforeEach
    void start() throws Exception {
        snowflake = new FakeSnowflake().user("alice", "pw-in-env");
        pipeline = new FakeRetailPipeline(snowflake);
        add("sf", "dev");
        add("sfprod", "prod");
    }

    @AfterEach
    void stop() {
        snowflake.close();
    }

    private void add(String name, String env) {
        Run add = cli().run("profiles", "add", name, "--kind", "snowflake", "--env", env, "--account", "testacct", "--user", "alice",
                "--snowflake-host", snowflake.url(), "--password-source", "env", "--password-env", "SF_TEST_PASSWORD");
        assertThat(add.exit()).as(add.err()).isZero();
    }

    private CliRunner cli() {
        return new CliRunner(home).variable("SF_TEST_PASSWORD", "pw-in-env");
    }

    private Run run(String... args) {
        return cli().run(args);
    }

    @Test
    void deployPrintsEachStatementThenStartStatusAndStop() {
        Run plan = run("--profile", "sf", "pipeline", "deploy", "--plan");
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).startsWith("plan for Snowflake alice@testacct · RETAIL_STREAMING_DEMO")
                .contains("Found: no database RETAIL_STREAMING_DEMO yet", "database created: RETAIL_STREAMING_DEMO",
                        "table created: RETAIL_STREAMING_DEMO.S1_RAW_DATA.RAW_RETAIL_EVENTS (6 columns)",
                        "task created: RETAIL_STREAMING_DEMO.PUBLIC.DATA_GENERATION_TASK (USING CRON 0,30 * * * * UTC, runs CALL "
                                + "RETAIL_STREAMING_DEMO.PUBLIC.GENERATE_RETAIL_DATA(5, 10, 3, 2))")
                .doesNotContain("deployed:");
        assertThat(pipeline.deployStatements()).as("--plan sends nothing").isEmpty();

        Run deploy = run("--profile", "sf", "pipeline", "deploy", "--schedule", "15 minutes", "--events-per-run", "1,2,0,0");
        assertThat(deploy.exit()).as(deploy.err()).isZero();
        assertThat(deploy.out()).startsWith("deploying to Snowflake alice@testacct · RETAIL_STREAMING_DEMO")
                .containsPattern("\\[ 1/\\d+\\] CREATE DATABASE IF NOT EXISTS RETAIL_STREAMING_DEMO")
                .containsPattern("deployed: (\\d+) of \\1 statements");
        assertThat(snowflake.queries()).anyMatch(q -> q.contains("SCHEDULE = '15 MINUTES'") && q.contains("GENERATE_RETAIL_DATA(1, 2, 0, 0)"));
        assertThat(run("--profile", "sf", "pipeline", "deploy", "--events-per-run", "1,2").err())
                .contains("events per run: '1,2' is not four counts");

        assertThat(run("--profile", "sf", "pipeline", "start").out()).startsWith("Pipeline started successfully!");
        Run status = run("--profile", "sf", "pipeline", "status");
        assertThat(status.out()).containsPattern("DATA_GENERATION_TASK +started +15 MINUTES")
                .containsPattern("BRONZE_TRANSFORMATION_TASK +started +after DATA_GENERATION_TASK")
                .containsPattern("Raw +RAW_RETAIL_EVENTS +0");
        assertThat(run("--profile", "sf", "pipeline", "stop").out()).startsWith("Pipeline stopped successfully");
        assertThat(pipeline.state(FakeRetailPipeline.ROOT)).isEqualTo("suspended");
    }

    @Test
    void prodProfilesNeedTheirNameConfirmedForWrites() {
        pipeline.deployed();
        Run refused = run("--profile", "sfprod", "pipeline", "start");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("sfprod").contains("--confirm");
        assertThat(pipeline.state(FakeRetailPipeline.ROOT)).isEqualTo("suspended");

        assertThat(run("--profile", "sfprod", "pipeline", "start", "--confirm", "sfprod").exit()).isZero();
        assertThat(pipeline.state(FakeRetailPipeline.ROOT)).isEqualTo("started");
        assertThat(run("--profile", "sfprod", "pipeline", "status").exit()).isZero();
    }

    @Test
    void generateConfigAuditCompareAndSnapshot() {
        pipeline.deployed();
        Run first = run("--profile", "sf", "pipeline", "generate", "--customer-events", "2", "--purchase-events", "3",
                "--marketing-events", "0", "--supply-chain-events", "0");
        assertThat(first.out()).matches("(?s)Successfully generated 5 events \\(Run ID: [0-9a-f-]{36}\\)\\s*");
        String before = runId(first.out());

        Run dry = run("--profile", "sf", "pipeline", "config", "--set", "customer_segments.premium.weight=0.2", "--dry-run");
        assertThat(dry.out()).contains("would change CUSTOMER_SEGMENTS premium: WEIGHT 0.15 → 0.2");
        Run bad = run("--profile", "sf", "pipeline", "config", "--set", "customer_segments.premium.weight=2");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("WEIGHT: '2' is not a number from 0 to 1");
        Run set = run("--profile", "sf", "pipeline", "config", "--set", "customer_segments.premium.weight=0.2", "--table", "customer_segments");
        assertThat(set.out()).contains("change CUSTOMER_SEGMENTS premium: WEIGHT 0.15 → 0.2", "applied 1 change")
                .containsPattern("premium +0\\.2 +150");

        String after = runId(run("--profile", "sf", "pipeline", "generate").out());

        Run audit = run("--profile", "sf", "pipeline", "audit", "--format", "csv");
        assertThat(audit.out()).contains("\"" + after + "\",").contains(",SUCCESS,83,83,1.25,changed,");
        assertThat(run("--profile", "sf", "pipeline", "audit", "--format", "json").out())
                .as("the same snake_case keys as every JSON report").contains("\"run_id\" : \"" + after + "\"").contains("\"time_utc\" : ")
                .doesNotContain("\"run id\"");
        Run compare = run("--profile", "sf", "pipeline", "compare", before, after);
        assertThat(compare.exit()).as(compare.err()).isZero();
        assertThat(compare.out()).containsPattern("CUSTOMER_SEGMENTS +CHANGED +premium +WEIGHT +0\\.15 +0\\.2")
                .containsPattern("WAREHOUSES +UNCHANGED");
        Run snapshot = run("--profile", "sf", "pipeline", "snapshot", before, "--table", "warehouses", "--format", "json");
        assertThat(snapshot.out()).contains("\"warehouse_id\" : \"WH_001\"").contains("\"capacity\" : 25000");
        assertThat(run("--profile", "sf", "pipeline", "compare", before, "nope").err()).contains("no generation run has this id");
    }

    @Test
    void tasksHistoryAndStreams() {
        pipeline.deployed();
        pipeline.failBronze(true);
        run("--profile", "sf", "pipeline", "start");
        assertThat(run("--profile", "sf", "pipeline", "tasks", "--execute", "DATA_GENERATION_TASK").out())
                .contains("done: started a run of the graph of DATA_GENERATION_TASK")
                .containsPattern("BRONZE_TRANSFORMATION_TASK +started +after DATA_GENERATION_TASK +FAILED");
        Run errors = run("--profile", "sf", "pipeline", "history", "--errors-only");
        assertThat(errors.out()).containsPattern("BRONZE_TRANSFORMATION_TASK +FAILED .* 100038 +Numeric value 'abc' is not recognized")
                .doesNotContain("DATA_GENERATION_TASK");
        assertThat(run("--profile", "sf", "pipeline", "streams").out())
                .containsPattern("RETAIL_STREAMING_DEMO\\.PUBLIC\\.RAW_RETAIL_EVENTS_STREAM .* DEFAULT +yes +no");
        Run both = run("--profile", "sf", "pipeline", "tasks", "--resume", "X", "--suspend", "Y");
        assertThat(both.exit()).isEqualTo(2);
    }

    @Test
    void errorsKeepSnowflakesCodesAndTheSchedulerIsForPostgres() {
        Run notDeployed = run("--profile", "sf", "pipeline", "summary");
        assertThat(notDeployed.exit()).isEqualTo(1);
        assertThat(notDeployed.err()).contains("error 002003").contains("query id").contains("Check that the pipeline is deployed")
                .doesNotContain("pw-in-env");

        Run scheduler = run("--profile", "sf", "pipeline", "scheduler", "--once");
        assertThat(scheduler.exit()).isEqualTo(1);
        assertThat(scheduler.err()).contains("Snowflake runs its own tasks");
    }

    private static String runId(String message) {
        return message.strip().replaceAll(".*\\(Run ID: ([0-9a-f-]+)\\)$", "$1");
    }
}
