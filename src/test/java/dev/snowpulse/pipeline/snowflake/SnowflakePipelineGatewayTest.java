package dev.snowpulse.pipeline.snowflake;

import dev.snowpulse.db.SnowflakeDriver;
import dev.snowpulse.db.SnowflakeTargets;
import dev.snowpulse.pipeline.audit.AuditRun;
import dev.snowpulse.pipeline.deploy.DeployListener;
import dev.snowpulse.pipeline.deploy.DeployOptions;
import dev.snowpulse.pipeline.deploy.DeployReport;
import dev.snowpulse.pipeline.EventCounts;
import dev.snowpulse.pipeline.task.HistoryQuery;
import dev.snowpulse.pipeline.LayerCount;
import dev.snowpulse.pipeline.PipelineException;
import dev.snowpulse.pipeline.reference.ReferenceChange;
import dev.snowpulse.pipeline.reference.ReferenceRow;
import dev.snowpulse.pipeline.reference.ReferenceTable;
import dev.snowpulse.pipeline.audit.RowDifference;
import dev.snowpulse.pipeline.audit.RunComparison;
import dev.snowpulse.pipeline.deploy.SqlStatement;
import dev.snowpulse.pipeline.StreamInfo;
import dev.snowpulse.pipeline.task.TaskRun;
import dev.snowpulse.pipeline.task.TaskRunState;
import dev.snowpulse.pipeline.task.TaskState;
import dev.snowpulse.pipeline.task.TaskStatus;
import dev.snowpulse.pipeline.audit.ValueChange;
import dev.snowpulse.profile.secret.Secret;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SnowflakeAuthenticator;
import dev.snowpulse.profile.SnowflakeSettings;
import dev.snowpulse.testing.FakeRetailPipeline;
import dev.snowpulse.testing.FakeSnowflake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.snowpulse.testing.FakeRetailPipeline.BRONZE;
import static dev.snowpulse.testing.FakeRetailPipeline.CONTROL;
import static dev.snowpulse.testing.FakeRetailPipeline.GOLD;
import static dev.snowpulse.testing.FakeRetailPipeline.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The Snowflake backend through the real snowflake-jdbc driver, against the fake endpoint playing seed 001's pipeline. */
class SnowflakePipelineGatewayTest {

    private static final String PASSWORD = "s3cret-pw";

    private FakeSnowflake snowflake;
    private FakeRetailPipeline pipeline;
    private SnowflakePipelineGateway gateway;

    @BeforeEach
    void start() throws IOException {
        snowflake = new FakeSnowflake().user("alice", PASSWORD);
        pipeline = new FakeRetailPipeline(snowflake);
        gateway = gateway(Duration.ofSeconds(10));
    }

    private SnowflakePipelineGateway gateway(Duration timeout) {
        SnowflakeSettings settings = new SnowflakeSettings("testacct", "alice", "SYSADMIN", "COMPUTE_WH", null, null,
                snowflake.url(), SnowflakeAuthenticator.PASSWORD, null, null, SecretRef.auto());
        return new SnowflakePipelineGateway(SnowflakeDriver.classPath(), SnowflakeTargets.of(settings, Optional.of(new Secret(PASSWORD)), timeout),
                DeployOptions.defaults());
    }

    @AfterEach
    void stop() {
        gateway.close();
        snowflake.close();
    }

    @Test
    void deploySendsEveryStatementOfTheScriptsInOrderWithTheNamesFilledIn() {
        List<String> progress = new ArrayList<>();
        DeployReport report = gateway.deploy(new DeployListener() {
            @Override
            public void finished(int index, int total, SqlStatement statement, Duration took) {
                progress.add((index + 1) + "/" + total + " " + statement.summary());
            }
        });

        assertThat(report.ok()).as(report.describe()).isTrue();
        assertThat(report.applied()).isEqualTo(report.total()).isEqualTo(progress.size());
        List<String> sent = pipeline.deployStatements();
        assertThat(sent).hasSize(report.total()).noneMatch(q -> q.contains("<%"));
        assertThat(report.plan().found()).isEqualTo("no database RETAIL_STREAMING_DEMO yet: deploy creates it with the pipeline");
        assertThat(sent.getFirst()).isEqualTo("CREATE DATABASE IF NOT EXISTS RETAIL_STREAMING_DEMO");
        assertThat(sent).anyMatch(q -> q.startsWith("CREATE OR REPLACE PROCEDURE RETAIL_STREAMING_DEMO.PUBLIC.SNOWPULSE_GENERATE_EVENTS(")
                && q.contains("def run(session, mode, customer_events, purchase_events, marketing_events, supply_chain_events,"));
        assertThat(sent).anyMatch(q -> q.startsWith("CREATE OR REPLACE PROCEDURE RETAIL_STREAMING_DEMO.PUBLIC.GENERATE_RETAIL_DATA(")
                && q.contains("CUSTOMER_EVENTS INTEGER DEFAULT 10") && q.contains("session.call("));
        assertThat(sent).anyMatch(q -> q.startsWith("CREATE OR ALTER TASK RETAIL_STREAMING_DEMO.PUBLIC.DATA_GENERATION_TASK")
                && q.contains("SCHEDULE = 'USING CRON 0,30 * * * * UTC'")
                && q.contains("CALL RETAIL_STREAMING_DEMO.PUBLIC.GENERATE_RETAIL_DATA(5, 10, 3, 2)"));
        assertThat(sent).anyMatch(q -> q.startsWith("CREATE OR ALTER TASK RETAIL_STREAMING_DEMO.PUBLIC.BRONZE_TRANSFORMATION_TASK")
                && q.contains("USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE = 'XSMALL'")
                && q.contains("AFTER RETAIL_STREAMING_DEMO.PUBLIC.DATA_GENERATION_TASK"));
        assertThat(sent.indexOf("ALTER TASK IF EXISTS RETAIL_STREAMING_DEMO.PUBLIC.DATA_GENERATION_TASK SUSPEND"))
                .isLessThan(indexOfPrefix(sent, "CREATE OR ALTER TASK RETAIL_STREAMING_DEMO.PUBLIC.DATA_GENERATION_TASK"));
        assertThat(progress.getFirst()).startsWith("1/" + report.total() + " CREATE DATABASE IF NOT EXISTS");
    }

    @Test
    void aFailingStatementStopsTheDeployAndIsNamedWithSnowflakesCodes() {
        pipeline.deny("CREATE OR REPLACE PROCEDURE \\S+\\.SNOWPULSE_GENERATE_EVENTS.*");

        DeployReport report = gateway.deploy(DeployListener.NONE);

        String location = "sql/snowflake/04_generator.sql:" + lineOf("sql/snowflake/04_generator.sql",
                "CREATE OR REPLACE PROCEDURE <% database %>.<% control_schema %>.SNOWPULSE_GENERATE_EVENTS(");
        assertThat(report.ok()).isFalse();
        assertThat(report.failedStatement().location()).isEqualTo(location);
        assertThat(report.failure().code()).isEqualTo("003001");
        assertThat(report.failure().sqlState()).isEqualTo("42501");
        assertThat(report.failure().queryId()).isNotBlank();
        assertThat(report.describe()).contains(location, "CREATE OR REPLACE PROCEDURE", "Insufficient privileges",
                "error 003001", "query id", "grant it").doesNotContain(PASSWORD);
        assertThat(snowflake.queries()).noneMatch(q -> q.startsWith("CREATE TABLE IF NOT EXISTS RETAIL_STREAMING_DEMO.S2_BRONZE"));
    }

    @Test
    void controlsBeforeADeploySayThatTheObjectDoesNotExistAndWhatToCheck() {
        assertThatThrownBy(gateway::start).isInstanceOfSatisfying(PipelineException.class, e -> {
            assertThat(e.code()).isEqualTo("002003");
            assertThat(e.queryId()).isNotBlank();
            assertThat(e.getMessage()).startsWith("could not start the pipeline: SQL compilation error:")
                    .contains("Check that the pipeline is deployed");
        });
    }

    @Test
    void startAndStopCallTheControlsAndTheTaskStatesFollow() throws Exception {
        pipeline.deployed();

        assertThat(gateway.start()).startsWith("Pipeline started successfully!");
        List<TaskStatus> started = gateway.pipelineTasks();
        assertThat(started).extracting(s -> s.task().shortName(), s -> s.task().state())
                .containsExactly(tuple(ROOT, TaskState.STARTED), tuple(BRONZE, TaskState.STARTED), tuple(GOLD, TaskState.STARTED));
        assertThat(started.getFirst().nextRun()).isEqualTo(Instant.parse("2026-11-20T08:30:00Z"));

        assertThat(gateway.stop()).isEqualTo("Pipeline stopped successfully");
        assertThat(gateway.pipelineTasks()).extracting(s -> s.task().state()).containsOnly(TaskState.SUSPENDED);
        assertThat(snowflake.queries()).contains("CALL RETAIL_STREAMING_DEMO.PUBLIC.START_PIPELINE()",
                "CALL RETAIL_STREAMING_DEMO.PUBLIC.STOP_PIPELINE()", "SHOW TASKS IN SCHEMA RETAIL_STREAMING_DEMO.PUBLIC");
    }

    @Test
    void tasksMapScheduleGraphAndNulls() throws Exception {
        pipeline.deployed();

        List<TaskStatus> tasks = gateway.tasks("retail_streaming_demo.public");

        TaskStatus root = tasks.getFirst();
        assertThat(root.task().name()).isEqualTo(CONTROL + "." + ROOT);
        assertThat(root.task().schedule()).isEqualTo("USING CRON 0,30 * * * * UTC");
        assertThat(root.task().root()).isTrue();
        assertThat(root.task().warehouse()).isNull();
        assertThat(root.lastRun()).isNull();
        assertThat(root.nextRun()).isNull();
        assertThat(tasks.get(1).task().predecessors()).containsExactly(CONTROL + "." + ROOT);
        assertThat(tasks.get(2).task().definition()).isEqualTo("CALL " + CONTROL + ".TRANSFORM_TO_GOLD()");
    }

    @Test
    void changingAChildWhileTheGraphRunsSuspendsTheRootAroundIt() throws Exception {
        pipeline.deployed();
        gateway.start();
        snowflake.clearQueries();

        gateway.suspend(GOLD);

        assertThat(snowflake.queries()).filteredOn(q -> q.startsWith("ALTER TASK")).containsExactly(
                "ALTER TASK " + CONTROL + "." + ROOT + " SUSPEND",
                "ALTER TASK " + CONTROL + "." + GOLD + " SUSPEND",
                "ALTER TASK " + CONTROL + "." + ROOT + " RESUME");
        assertThat(pipeline.state(GOLD)).isEqualTo("suspended");
        assertThat(pipeline.state(ROOT)).isEqualTo("started");

        gateway.resume(GOLD);
        assertThat(pipeline.state(GOLD)).isEqualTo("started");

        gateway.suspend(ROOT);
        gateway.resume(ROOT);
        assertThat(snowflake.queries()).contains("SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('" + CONTROL + "." + ROOT + "')");
    }

    @Test
    void executeRunsTheGraphAndHistoryShowsEachTaskWithItsTimesAndErrors() throws Exception {
        pipeline.deployed();
        gateway.start();
        pipeline.failBronze(true);

        gateway.execute(GOLD);

        assertThat(snowflake.queries()).contains("EXECUTE TASK " + CONTROL + "." + ROOT);
        List<TaskRun> runs = gateway.history(CONTROL, HistoryQuery.recent(50));
        assertThat(runs).extracting(TaskRun::task, TaskRun::state).containsExactly(tuple(ROOT, TaskRunState.SCHEDULED),
                tuple(BRONZE, TaskRunState.FAILED), tuple(ROOT, TaskRunState.SUCCEEDED));
        TaskRun failed = runs.get(1);
        assertThat(failed.errorCode()).isEqualTo("100038");
        assertThat(failed.errorMessage()).isEqualTo("Numeric value 'abc' is not recognized");
        assertThat(failed.duration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(failed.queryId()).isNotBlank();
        assertThat(runs.get(2).returnValue()).isNull();

        assertThat(gateway.history(CONTROL, new HistoryQuery(null, true, 50))).extracting(TaskRun::task).containsExactly(BRONZE);
        assertThat(snowflake.queries().getLast()).contains("ERROR_ONLY => TRUE").contains("RESULT_LIMIT => 50")
                .contains("WHERE SCHEMA_NAME = 'PUBLIC'");
        assertThat(gateway.pipelineTasks().get(1).lastRunFailed()).isTrue();

        pipeline.failBronze(false);
        gateway.retryLast(BRONZE);
        assertThat(snowflake.queries()).contains("EXECUTE TASK " + CONTROL + "." + ROOT + " RETRY LAST");
        assertThat(gateway.history(CONTROL, new HistoryQuery(GOLD, false, 5))).extracting(TaskRun::state)
                .containsExactly(TaskRunState.SUCCEEDED);
    }

    @Test
    void generateBindsTheFourCountsAndAnswersWithTheRunId() throws Exception {
        pipeline.deployed();

        String message = gateway.generate(new EventCounts(3, 7, 2, 1));

        assertThat(message).matches("Successfully generated 13 events \\(Run ID: [0-9a-f-]{36}\\)");
        FakeSnowflake.Query call = snowflake.queryLog().getLast();
        assertThat(call.sql()).isEqualTo("CALL " + CONTROL + ".GENERATE_RETAIL_DATA(?, ?, ?, ?)");
        assertThat(call.bindings()).containsExactly("3", "7", "2", "1");
    }

    @Test
    void aLongGenerationIsAnsweredByPolling() throws Exception {
        pipeline.deployed();

        String message = gateway.generate(new EventCounts(1_000, 20_000, 0, 0));

        assertThat(message).startsWith("Successfully generated 21000 events");
        assertThat(pipeline.auditRows()).isEqualTo(1);
    }

    @Test
    void summaryAndStreamsMapTypedValues() throws Exception {
        pipeline.deployed();
        gateway.generate(new EventCounts(2, 5, 0, 0));

        assertThat(gateway.summary()).as("the seed's layer names, in its order").containsExactly(
                new LayerCount("Bronze", "STG_CUSTOMERS", 2), new LayerCount("Bronze", "STG_PURCHASES", 0),
                new LayerCount("Gold", "DIM_CUSTOMERS", 0), new LayerCount("Gold", "FCT_SALES", 0),
                new LayerCount("Raw", "RAW_RETAIL_EVENTS", 7));

        List<StreamInfo> streams = gateway.streams("RETAIL_STREAMING_DEMO.PUBLIC");
        assertThat(streams).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("RETAIL_STREAMING_DEMO.PUBLIC.RAW_RETAIL_EVENTS_STREAM");
            assertThat(s.mode()).isEqualTo("DEFAULT");
            assertThat(s.stale()).isFalse();
            assertThat(s.staleAfter()).isEqualTo(Instant.parse("2026-12-04T08:00:00Z"));
            assertThat(s.hasData()).isTrue();
        });
        assertThat(snowflake.queries()).contains(
                "SELECT SYSTEM$STREAM_HAS_DATA('RETAIL_STREAMING_DEMO.PUBLIC.RAW_RETAIL_EVENTS_STREAM')");
    }

    @Test
    void referenceEditsAreValidatedBoundAndReadBack() throws Exception {
        pipeline.deployed();
        ReferenceRow premium = gateway.reference(ReferenceTable.CUSTOMER_SEGMENTS).stream()
                .filter(r -> r.key().equals("premium")).findFirst().orElseThrow();
        assertThat(premium.value("WEIGHT")).isEqualTo("0.15");

        assertThatThrownBy(() -> ReferenceChange.of(premium, "WEIGHT", "1.5"))
                .hasMessage("WEIGHT: '1.5' is not a number from 0 to 1");
        ReferenceChange change = ReferenceChange.of(premium, "WEIGHT", "0.2");
        assertThat(change.describe()).isEqualTo("CUSTOMER_SEGMENTS premium: WEIGHT 0.15 → 0.2");
        gateway.apply(change);

        FakeSnowflake.Query update = snowflake.queryLog().getLast();
        assertThat(update.sql()).isEqualTo("UPDATE RETAIL_STREAMING_DEMO.REFERENCE_DATA.CUSTOMER_SEGMENTS SET WEIGHT = ?, "
                + "UPDATED_AT = SYSDATE() WHERE SEGMENT_NAME = ?");
        assertThat(update.bindings()).containsExactly("0.2", "premium");
        assertThat(gateway.reference(ReferenceTable.CUSTOMER_SEGMENTS)).filteredOn(r -> r.key().equals("premium"))
                .extracting(r -> r.value("WEIGHT")).containsExactly("0.2");

        ReferenceRow methods = gateway.reference(ReferenceTable.GENERATION_PARAMETERS).getFirst();
        assertThat(methods.value("PARAMETER_VALUE")).isEqualTo("[\"credit_card\",\"paypal\"]");
        gateway.apply(ReferenceChange.of(methods, "PARAMETER_VALUE", "[\"credit_card\", \"gift_card\"]"));
        assertThat(snowflake.queries().getLast()).contains("SET PARAMETER_VALUE = IFF(UPPER(PARAMETER_TYPE) IN ('ARRAY', 'OBJECT', 'LIST'), "
                + "PARSE_JSON(?), TO_VARIANT(?))");
        assertThat(snowflake.queryLog().getLast().bindings()).containsExactly("[\"credit_card\",\"gift_card\"]",
                "[\"credit_card\",\"gift_card\"]", "payment_methods");
        ReferenceRow repeat = gateway.reference(ReferenceTable.GENERATION_PARAMETERS).get(1);
        assertThat(repeat.value("PARAMETER_VALUE")).as("a number as the seed stores it, TO_VARIANT('0.8'), shown as its text")
                .isEqualTo("0.8");
        assertThatThrownBy(() -> ReferenceChange.of(repeat, "PARAMETER_VALUE", "lots")).hasMessage("parameter value: 'lots' is not a number");

        ReferenceRow gone = new ReferenceRow(ReferenceTable.WAREHOUSES, "WH-NOWHERE", java.util.Map.of("CAPACITY", "10"));
        assertThatThrownBy(() -> gateway.apply(ReferenceChange.of(gone, "CAPACITY", "20")))
                .hasMessageContaining("no row with WAREHOUSE_ID = 'WH-NOWHERE'");
    }

    @Test
    void auditRunsMarkConfigurationChangesAndCompareNamesTheChangedRow() throws Exception {
        pipeline.deployed();
        String first = runId(gateway.generate(new EventCounts(1, 1, 0, 0)));
        String second = runId(gateway.generate(new EventCounts(1, 1, 0, 0)));
        ReferenceRow premium = gateway.reference(ReferenceTable.CUSTOMER_SEGMENTS).stream()
                .filter(r -> r.key().equals("premium")).findFirst().orElseThrow();
        gateway.apply(ReferenceChange.of(premium, "AVG_ORDER_VALUE", "200"));
        String third = runId(gateway.generate(new EventCounts(4, 2, 1, 1)));

        List<AuditRun> runs = gateway.auditRuns(2);
        assertThat(runs).extracting(AuditRun::runId, AuditRun::configChanged).containsExactly(tuple(third, true), tuple(second, false));
        AuditRun newest = runs.getFirst();
        assertThat(newest.requested()).isEqualTo(8);
        assertThat(newest.generated()).isEqualTo(8);
        assertThat(newest.seconds()).isEqualTo(1.25);
        assertThat(newest.runTime()).isEqualTo(Instant.parse("2026-11-20T08:01:30Z"));
        assertThat(newest.checksums()).hasSize(6);
        assertThat(snowflake.queryLog().getLast().bindings()).containsExactly("3");

        RunComparison comparison = gateway.compare(first, third);
        assertThat(comparison.changedTables()).singleElement().satisfies(table -> {
            assertThat(table.table()).isEqualTo(ReferenceTable.CUSTOMER_SEGMENTS);
            assertThat(table.checksumBefore()).isNotEqualTo(table.checksumAfter());
            assertThat(table.differences()).singleElement().satisfies(row -> {
                assertThat(row.kind()).isEqualTo(RowDifference.Kind.CHANGED);
                assertThat(row.key()).isEqualTo("premium");
                assertThat(row.changes()).containsExactly(new ValueChange("AVG_ORDER_VALUE", "150", "200"));
            });
        });
        assertThat(gateway.compare(first, second).changedTables()).isEmpty();
        assertThat(gateway.snapshot(first).rows(ReferenceTable.PRODUCT_CATEGORIES)).extracting(r -> r.get("SEASONAL_PEAK_MONTHS"))
                .containsExactly("[9, 10, 11]", "[11, 12]");

        assertThatThrownBy(() -> gateway.snapshot("no-such-run")).hasMessageContaining("no generation run has this id");
    }

    @Test
    void aRoleWithoutMonitorExecutionIsToldWhichPrivilegeIsMissing() {
        pipeline.deployed().deny(".*TASK_HISTORY.*");

        assertThatThrownBy(() -> gateway.history(CONTROL, HistoryQuery.recent(10))).isInstanceOfSatisfying(PipelineException.class, e -> {
            assertThat(e.code()).isEqualTo("003001");
            assertThat(e.sqlState()).isEqualTo("42501");
            assertThat(e.getMessage()).contains("MONITOR EXECUTION");
        });
    }

    @Test
    void anExpiredSessionIsRenewedAndTheCallGoesThrough() throws Exception {
        pipeline.deployed();
        gateway.summary();

        snowflake.expireSessionOnce();

        assertThat(gateway.summary()).isNotEmpty();
        assertThat(snowflake.renewals()).containsExactly("RENEW");
        assertThat(snowflake.logins()).hasSize(1);
    }

    @Test
    void whenTheEndpointGoesAwayTheCallFailsWithAdviceAndTheNextSessionStartsAfresh() throws Exception {
        pipeline.deployed();
        gateway.close();
        gateway = gateway(Duration.ofSeconds(2));
        gateway.summary();

        snowflake.close();

        assertThatThrownBy(gateway::summary).isInstanceOfSatisfying(PipelineException.class, e ->
                assertThat(e.getMessage()).startsWith("could not read the data summary:")
                        .contains("did not answer").doesNotContain(PASSWORD));
    }

    private static String runId(String message) {
        return message.replaceAll(".*\\(Run ID: ([0-9a-f-]+)\\)$", "$1");
    }

    private static int indexOfPrefix(List<String> list, String prefix) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** The line a statement starts on in a file of the deployment, counted from 1 as the deploy names it. */
    private static int lineOf(String resource, String start) {
        try (var in = SnowflakePipelineGatewayTest.class.getClassLoader().getResourceAsStream(resource)) {
            List<String> lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(start)) {
                    return i + 1;
                }
            }
            throw new AssertionError(start + " not in " + resource);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
