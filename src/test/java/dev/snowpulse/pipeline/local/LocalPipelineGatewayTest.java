package dev.snowpulse.pipeline.local;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.pipeline.audit.AuditRun;
import dev.snowpulse.pipeline.deploy.DeployListener;
import dev.snowpulse.pipeline.deploy.DeployOptions;
import dev.snowpulse.pipeline.deploy.DeployReport;
import dev.snowpulse.pipeline.EventCounts;
import dev.snowpulse.pipeline.task.HistoryQuery;
import dev.snowpulse.pipeline.LayerCount;
import dev.snowpulse.pipeline.PipelineException;
import dev.snowpulse.pipeline.PipelineSettings;
import dev.snowpulse.pipeline.reference.ReferenceChange;
import dev.snowpulse.pipeline.reference.ReferenceRow;
import dev.snowpulse.pipeline.reference.ReferenceTable;
import dev.snowpulse.pipeline.audit.RowDifference;
import dev.snowpulse.pipeline.audit.RunComparison;
import dev.snowpulse.pipeline.task.TaskRun;
import dev.snowpulse.pipeline.task.TaskRunState;
import dev.snowpulse.pipeline.task.TaskState;
import dev.snowpulse.pipeline.task.TaskStatus;
import dev.snowpulse.pipeline.audit.ValueChange;
import dev.snowpulse.testing.Sql;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The pipeline on a real PostgreSQL: layers, exactly-once transforms, audit checksums, task runs and the scheduler. */
class LocalPipelineGatewayTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    private PostgresEndpoint db;
    private DeployOptions options;
    private LocalPipelineGateway gateway;

    @BeforeEach
    void database() throws Exception {
        db = TestPostgres.endpoint(pg.freshDatabase());
        options = PipelineSettings.forLocal(db.settings().database(), null);
        gateway = new LocalPipelineGateway(db, options);
    }

    @AfterEach
    void close() {
        gateway.close();
    }

    private void deploy() {
        DeployReport report = gateway.deploy(DeployListener.NONE);
        assertThat(report.ok()).as(report.describe()).isTrue();
    }

    private Map<String, Long> counts() throws PipelineException {
        return gateway.summary().stream().collect(Collectors.toMap(LayerCount::table, LayerCount::records));
    }

    private long count(String sql) throws Exception {
        return Long.parseLong(Sql.single(db, sql));
    }

    @Test
    void eventsFlowFromRawThroughBronzeToGoldWithCountsThatAgree() throws Exception {
        List<String> progress = new ArrayList<>();
        DeployReport report = gateway.deploy(new DeployListener() {
            @Override
            public void finished(int index, int total, dev.snowpulse.pipeline.deploy.SqlStatement statement, java.time.Duration took) {
                progress.add(statement.location());
            }
        });
        assertThat(report.ok()).as(report.describe()).isTrue();
        assertThat(progress).hasSize(report.total()).first().isEqualTo("sql/local-pipeline/01_reference.sql:8");

        assertThat(gateway.generate(new EventCounts(5, 12, 3, 2)))
                .matches("Successfully generated 22 events \\(Run ID: [0-9a-f-]{36}\\)");
        gateway.start();
        gateway.execute("GOLD_TRANSFORMATION_TASK");

        // the root's own run generates the seed's 5 customer, 10 purchase, 3 marketing and 2 supply chain events
        long customers = count("select count(distinct raw_data->>'customer_id') from s1_raw_data.raw_retail_events "
                + "where event_type = 'customer_profile'");
        assertThat(customers).as("ten profile events, each a customer (two may meet)").isBetween(8L, 10L);
        assertThat(counts()).containsEntry("RAW_RETAIL_EVENTS", 22L + 20).containsEntry("STG_CUSTOMERS", customers)
                .containsEntry("STG_PURCHASES", 22L).containsEntry("FCT_SALES", 22L).containsEntry("DIM_CUSTOMERS", customers);
        assertThat(gateway.auditRuns(10)).hasSize(2);
        assertThat(count("select count(*) from s1_raw_data.raw_retail_events where consumed_at is null")).isZero();
        assertThat(Sql.single(db, "select sum(final_total) = (select sum(final_total) from s2_bronze.stg_purchases) from s3_gold.fct_sales"))
                .isEqualTo("t");
        assertThat(gateway.history(gateway.names().controlPath(), HistoryQuery.recent(10))).extracting(TaskRun::task, TaskRun::state)
                .containsExactly(tuple("DATA_GENERATION_TASK", TaskRunState.SCHEDULED), tuple("GOLD_TRANSFORMATION_TASK", TaskRunState.SUCCEEDED),
                        tuple("BRONZE_TRANSFORMATION_TASK", TaskRunState.SUCCEEDED),
                        tuple("DATA_GENERATION_TASK", TaskRunState.SUCCEEDED));

        assertThat(gateway.deploy(DeployListener.NONE).ok()).as("a redeploy keeps the data").isTrue();
        assertThat(counts()).containsEntry("FCT_SALES", 22L);
        assertThat(gateway.auditRuns(10)).hasSize(2);
    }

    @Test
    void twoTransformsAtOnceProcessEveryEventExactlyOnce() throws Exception {
        deploy();
        gateway.generate(new EventCounts(0, 2000, 0, 0));
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<String> transform = () -> {
            try (Connection c = db.connect("transform-test"); Statement s = c.createStatement()) {
                together.await();
                try (ResultSet rs = s.executeQuery("select retail_pipeline.transform_to_bronze()")) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> runs = List.of(pool.submit(transform), pool.submit(transform));
        long claimed = 0;
        for (Future<String> run : runs) {
            claimed += Long.parseLong(run.get().replaceAll(".*\\((\\d+) events read\\)$", "$1"));
        }
        pool.shutdown();

        assertThat(claimed).as("no event processed twice").isEqualTo(2000);
        assertThat(count("select count(*) from s2_bronze.stg_purchases")).isEqualTo(2000);
        assertThat(count("select count(*) from s1_raw_data.raw_retail_events where consumed_at is null")).as("none skipped").isZero();
    }

    @Test
    void anEventWhoseWriterCommitsLateIsClaimedByALaterRunNotSkipped() throws Exception {
        deploy();
        gateway.generate(new EventCounts(0, 3, 0, 0));
        try (Connection late = db.connect("late-writer")) {
            late.setAutoCommit(false);
            try (Statement s = late.createStatement()) {
                s.execute("select retail_pipeline.generate_retail_data(0, 1, 0, 0)");
            }
            assertThat(Sql.single(db, "select retail_pipeline.transform_to_bronze()")).endsWith("3 purchases (3 events read)");
            late.commit();
        }
        assertThat(Sql.single(db, "select retail_pipeline.transform_to_bronze()")).endsWith("1 purchases (1 events read)");
        assertThat(count("select count(*) from s2_bronze.stg_purchases")).isEqualTo(4);
    }

    @Test
    void checksumsChangeExactlyWhenAReferenceTableChangesAndCompareNamesTheRow() throws Exception {
        deploy();
        String first = runId(gateway.generate(new EventCounts(1, 1, 0, 0)));
        String second = runId(gateway.generate(new EventCounts(1, 1, 0, 0)));
        ReferenceRow east = gateway.reference(ReferenceTable.WAREHOUSES).stream().filter(r -> r.key().equals("WH_001")).findFirst().orElseThrow();
        assertThat(east.value("CAPACITY")).isEqualTo("25000");
        gateway.apply(ReferenceChange.of(east, "CAPACITY", "60000"));
        ReferenceRow methods = gateway.reference(ReferenceTable.GENERATION_PARAMETERS).stream()
                .filter(r -> r.key().equals("payment_methods")).findFirst().orElseThrow();
        String third = runId(gateway.generate(new EventCounts(1, 1, 0, 0)));

        List<AuditRun> runs = gateway.auditRuns(10);
        assertThat(runs).extracting(AuditRun::runId, AuditRun::configChanged)
                .containsExactly(tuple(third, true), tuple(second, false), tuple(first, false));
        assertThat(runs.get(1).checksums()).isEqualTo(runs.get(2).checksums());
        assertThat(runs.get(0).checksums()).hasSize(6).satisfies(now -> {
            for (ReferenceTable table : ReferenceTable.values()) {
                assertThat(now.get(table).equals(runs.get(1).checksums().get(table))).as(table.name())
                        .isEqualTo(table != ReferenceTable.WAREHOUSES);
            }
        });

        RunComparison comparison = gateway.compare(second, third);
        assertThat(comparison.changedTables()).singleElement().satisfies(table -> {
            assertThat(table.table()).isEqualTo(ReferenceTable.WAREHOUSES);
            assertThat(table.differences()).containsExactly(new RowDifference(RowDifference.Kind.CHANGED, "WH_001",
                    List.of(new ValueChange("CAPACITY", "25000", "60000"))));
        });
        assertThat(gateway.snapshot(first).rows(ReferenceTable.GENERATION_PARAMETERS))
                .filteredOn(r -> r.get("PARAMETER_NAME").equals("payment_methods")).extracting(r -> r.get("PARAMETER_VALUE"))
                .containsExactly(methods.value("PARAMETER_VALUE").replace(" ", ""));
        assertThatThrownBy(() -> gateway.apply(ReferenceChange.of(east, "CAPACITY", "0"))).hasMessageContaining("whole number of 1 or more");
    }

    @Test
    void aFailingBronzeRunIsFailedInHistoryGoldDoesNotRunAndRetryFinishesTheGraph() throws Exception {
        deploy();
        Sql.execute(db, "insert into s1_raw_data.raw_retail_events (event_id, event_type, \"timestamp\", raw_data) values "
                + "('PURCH_EVT_BAD', 'purchase', now(), '{\"event_id\": \"PURCH_EVT_BAD\", \"customer_id\": \"CUST_1\", "
                + "\"event_type\": \"purchase\", \"data\": {\"order_id\": \"ORD_1\", \"product_details\": {\"quantity\": \"abc\"}}}')");
        gateway.start();

        gateway.execute("DATA_GENERATION_TASK");

        List<TaskRun> runs = gateway.history(gateway.names().controlPath(), HistoryQuery.recent(10));
        assertThat(runs).extracting(TaskRun::task, TaskRun::state).containsExactly(tuple("DATA_GENERATION_TASK", TaskRunState.SCHEDULED),
                tuple("BRONZE_TRANSFORMATION_TASK", TaskRunState.FAILED), tuple("DATA_GENERATION_TASK", TaskRunState.SUCCEEDED));
        assertThat(runs.get(1).errorCode()).isEqualTo("22P02");
        assertThat(runs.get(1).errorMessage()).contains("invalid input syntax for type integer: \"abc\"");
        assertThat(counts()).containsEntry("STG_PURCHASES", 0L).containsEntry("FCT_SALES", 0L);
        List<TaskStatus> tasks = gateway.pipelineTasks();
        assertThat(tasks.get(1).lastRunFailed()).isTrue();
        assertThat(tasks.get(2).lastRun()).isNull();
        assertThat(gateway.history(gateway.names().controlPath(), new HistoryQuery(null, true, 10))).extracting(TaskRun::task)
                .containsExactly("BRONZE_TRANSFORMATION_TASK");

        Sql.execute(db, "update s1_raw_data.raw_retail_events set raw_data = jsonb_set(raw_data, '{data,product_details,quantity}', '2') "
                + "where event_id = 'PURCH_EVT_BAD'");
        gateway.retryLast("GOLD_TRANSFORMATION_TASK");

        assertThat(gateway.history(gateway.names().controlPath(), HistoryQuery.recent(10))).extracting(TaskRun::task, TaskRun::state)
                .startsWith(tuple("DATA_GENERATION_TASK", TaskRunState.SCHEDULED), tuple("GOLD_TRANSFORMATION_TASK", TaskRunState.SUCCEEDED),
                        tuple("BRONZE_TRANSFORMATION_TASK", TaskRunState.SUCCEEDED));
        assertThat(count("select count(*) from retail_pipeline.task_history where task_name = 'DATA_GENERATION_TASK'"))
                .as("retry starts from the failed task").isEqualTo(1);
        assertThat(counts()).containsEntry("STG_PURCHASES", 11L).containsEntry("FCT_SALES", 11L);
        assertThatThrownBy(() -> gateway.retryLast("DATA_GENERATION_TASK")).hasMessageContaining("did not fail: nothing to retry");
    }

    @Test
    void startAndStopChangeTaskStatesAndTheSchedulerHonoursThem() throws Exception {
        deploy();
        LocalScheduler scheduler = new LocalScheduler(db, options.names());
        assertThat(scheduler.runDue()).isEmpty();

        assertThat(gateway.start()).startsWith("Pipeline started successfully");
        assertThat(gateway.pipelineTasks()).extracting(s -> s.task().state()).containsOnly(TaskState.STARTED);
        TaskStatus root = gateway.pipelineTasks().getFirst();
        assertThat(root.task().schedule()).isEqualTo("30 MINUTES");
        assertThat(root.nextRun()).isAfter(java.time.Instant.now().plusSeconds(29 * 60));
        assertThat(scheduler.runDue()).as("not due yet").isEmpty();

        Sql.execute(db, "update retail_pipeline.tasks set next_run = now() - interval '1 second' where predecessor is null");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<LocalTaskRunner.GraphRun>>> both = List.of(pool.submit(scheduler::runDue), pool.submit(scheduler::runDue));
        int graphRuns = 0;
        for (Future<List<LocalTaskRunner.GraphRun>> run : both) {
            graphRuns += run.get().size();
        }
        pool.shutdown();
        assertThat(graphRuns).as("a due root runs once, whoever asks").isEqualTo(1);
        assertThat(counts()).containsEntry("FCT_SALES", 10L);
        assertThat(gateway.pipelineTasks().getFirst().nextRun()).isAfter(java.time.Instant.now().plusSeconds(29 * 60));

        assertThat(gateway.stop()).isEqualTo("Pipeline stopped successfully");
        Sql.execute(db, "update retail_pipeline.tasks set next_run = now() - interval '1 second' where predecessor is null");
        assertThat(gateway.pipelineTasks()).extracting(s -> s.task().state()).containsOnly(TaskState.SUSPENDED);
        assertThat(scheduler.runDue()).as("a suspended root does not run").isEmpty();

        gateway.resume("DATA_GENERATION_TASK");
        gateway.suspend("GOLD_TRANSFORMATION_TASK");
        Sql.execute(db, "update retail_pipeline.tasks set next_run = now() - interval '1 second' where predecessor is null");
        assertThat(scheduler.runDue()).singleElement().satisfies(run -> assertThat(run.lines())
                .containsExactly("DATA_GENERATION_TASK succeeded", "BRONZE_TRANSFORMATION_TASK succeeded"));
        assertThat(counts()).as("a suspended child does not run").containsEntry("STG_PURCHASES", 20L).containsEntry("FCT_SALES", 10L);
    }

    @Test
    void aGraphAlreadyRunningIsSkippedAndAFailedGenerationStillLeavesItsAuditRow() throws Exception {
        deploy();
        try (Connection holder = db.connect("holder"); Statement s = holder.createStatement()) {
            s.execute("select pg_advisory_lock(hashtext('snowpulse-task-graph:RETAIL_PIPELINE.DATA_GENERATION_TASK'))");
            LocalTaskRunner.GraphRun run = new LocalTaskRunner(db, options.names()).run("DATA_GENERATION_TASK", false);
            assertThat(run.skipped()).isTrue();
        }
        assertThat(gateway.history(gateway.names().controlPath(), HistoryQuery.recent(5))).extracting(TaskRun::state)
                .containsExactly(TaskRunState.SKIPPED);

        Sql.execute(db, "delete from reference_data.customer_segments");
        assertThatThrownBy(() -> gateway.generate(new EventCounts(1, 1, 0, 0)))
                .hasMessageContaining("Generation failed: CUSTOMER_SEGMENTS and PRODUCT_CATEGORIES need at least one row each");
        AuditRun failed = gateway.auditRuns(1).getFirst();
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.generated()).isZero();
        assertThat(failed.checksums()).hasSize(6);
        assertThat(counts()).containsEntry("RAW_RETAIL_EVENTS", 0L);
    }

    @Test
    void everyTimeThePipelineStampsIsUtcWhateverTheSessionsTimeZone() throws Exception {
        Sql.execute(db, "alter database " + db.settings().database() + " set timezone to 'America/Los_Angeles'");
        gateway.close();
        gateway = new LocalPipelineGateway(db, options);
        deploy();
        gateway.generate(new EventCounts(2, 3, 1, 1));
        Sql.single(db, "select retail_pipeline.transform_to_bronze()");
        Sql.single(db, "select retail_pipeline.transform_to_gold()");

        String offUtc = "select coalesce(max(abs(extract(epoch from %s - timezone('UTC', now())))), 0) from %s";
        for (String[] stamp : new String[][]{{"created_at", "s1_raw_data.raw_retail_events"}, {"consumed_at", "s1_raw_data.raw_retail_events"},
                {"run_timestamp", "reference_data.data_generation_audit"}, {"created_at", "reference_data.data_generation_audit"},
                {"updated_at", "s2_bronze.stg_purchases"}, {"updated_at", "s2_bronze.stg_customers"}, {"updated_at", "s3_gold.fct_sales"},
                {"updated_at", "s3_gold.dim_customers"}, {"last_activity_date", "reference_data.generator_customer_status"},
                {"created_at", "reference_data.warehouses"}}) {
            assertThat(Double.parseDouble(Sql.single(db, String.format(offUtc, stamp[0], stamp[1]))))
                    .as(stamp[1] + "." + stamp[0] + " is UTC, not the session's Los Angeles time").isLessThan(120);
        }
        assertThat(Double.parseDouble(Sql.single(db, "select max(abs(extract(epoch from \"timestamp\" - timezone('UTC', now()))))"
                + " from s1_raw_data.raw_retail_events where event_type = 'purchase'"))).as("purchases lie in the last 7 days")
                .isLessThan(7 * 86400 + 120);
        assertThat(gateway.auditRuns(1).getFirst().runTime()).isCloseTo(java.time.Instant.now(),
                org.assertj.core.api.Assertions.within(2, java.time.temporal.ChronoUnit.MINUTES));
    }

    @Test
    void beforeADeployTheControlsSayToDeploy() {
        assertThatThrownBy(gateway::summary).isInstanceOfSatisfying(PipelineException.class, e -> {
            assertThat(e.sqlState()).isEqualTo("3F000");
            assertThat(e.getMessage()).contains("Deploy the pipeline first");
        });
        assertThatThrownBy(() -> dev.snowpulse.pipeline.deploy.PipelineScripts.local(PipelineSettings.forLocal("x", "USING CRON 0 * * * * UTC")))
                .hasMessageContaining("is not an interval");
    }

    private static String runId(String message) {
        return message.replaceAll(".*\\(Run ID: ([0-9a-f-]+)\\)$", "$1");
    }
}
