package dev.snowpulse.workload;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.kpi.KpiQuery;
import dev.snowpulse.pipeline.deploy.DeployListener;
import dev.snowpulse.pipeline.deploy.DeployReport;
import dev.snowpulse.pipeline.EventCounts;
import dev.snowpulse.pipeline.task.HistoryQuery;
import dev.snowpulse.pipeline.LayerCount;
import dev.snowpulse.pipeline.PipelineSettings;
import dev.snowpulse.pipeline.task.TaskRun;
import dev.snowpulse.pipeline.task.TaskRunState;
import dev.snowpulse.pipeline.local.LocalPipelineGateway;
import dev.snowpulse.kpi.KpiReader;
import dev.snowpulse.profile.Pooler;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.SslMode;
import dev.snowpulse.schema.SchemaService;
import dev.snowpulse.testing.Sql;
import dev.snowpulse.testing.TestPgBouncer;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every Postgres feature through a real PgBouncer pooling by transaction, as Snowflake Postgres's pooler does: the
 * workload with exact counts (many clients on few server connections), the ingest, a KPI read with its timeout, the
 * pipeline on PostgreSQL, and schema changes refused with what to do instead.
 */
class PgBouncerTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    static Path dir;

    private static TestPgBouncer bouncer;
    private static PostgresEndpoint direct;
    private static PostgresEndpoint pooled;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(TestPgBouncer.available(), "PgBouncer refuses to run as root and must be installed; CI runs this as an ordinary user");
        direct = pg.initialisedEndpoint();
        bouncer = TestPgBouncer.start(dir, 20);
        pooled = through(Pooler.TRANSACTION);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (bouncer != null) {
            bouncer.close();
        }
    }

    @BeforeEach
    void restock() throws SQLException {
        new SchemaService(direct).resetDemoData(new dev.snowpulse.schema.Restock(100_000_000));
    }

    private static PostgresEndpoint through(Pooler pooler) {
        return new PostgresEndpoint(new PostgresSettings(TestPostgres.HOST, bouncer.port(), pg.database(), TestPostgres.USER,
                SslMode.DISABLE, null, "snowpulse-test", SecretRef.of(SecretSource.NONE), pooler), Optional.empty());
    }

    private static long orders() throws SQLException {
        return Long.parseLong(Sql.single(direct, "select count(*) from orders"));
    }

    @Test
    void aWorkloadThroughThePoolerHasNoFailureAndExactCounts() throws Exception {
        WorkloadResult result = WorkloadRun.start(pooled, new WorkloadSpec(8, 300, null, 10, 10, 1, 1, null, Duration.ZERO)).await();

        assertThat(result.counts().failures()).as(result.counts().toString()).isZero();
        assertThat(result.counts().ok()).isEqualTo(2_400);
        assertThat(orders()).isEqualTo(2_400);
    }

    @Test
    void pgbenchsTpcbLikeThroughThePoolerHasNoFailureAndKeepsItsBalances() throws Exception {
        PgbenchTables.initialize(direct, 1, step -> { });
        var plan = new dev.snowpulse.workload.script.ScriptPlan(
                List.of(dev.snowpulse.workload.script.ScriptSources.builtin("tpcb-like", java.util.Set.of())), Map.of(), 1, 1);

        WorkloadResult result = WorkloadRun.start(pooled,
                new WorkloadSpec(32, 50, null, 1, 1, 1, 1, null, Duration.ZERO).withScripts(plan)).await();

        assertThat(result.counts().failures()).as(result.counts().toString()).isZero();
        assertThat(result.counts().ok()).isEqualTo(1_600);
        String delta = Sql.single(direct, "select sum(delta) from pgbench_history");
        assertThat(Sql.single(direct, "select count(*) from pgbench_history")).isEqualTo("1600");
        assertThat(Sql.single(direct, "select sum(abalance) from pgbench_accounts")).isEqualTo(delta);
        assertThat(Sql.single(direct, "select sum(tbalance) from pgbench_tellers")).isEqualTo(delta);
        assertThat(Sql.single(direct, "select sum(bbalance) from pgbench_branches")).isEqualTo(delta);
    }

    @Test
    void anOrderThroughThePoolerIsOneTransactionOnTheServerNotTwo() throws Exception {
        PostgresSettings fresh = pg.freshDatabase();
        PostgresEndpoint freshDirect = TestPostgres.endpoint(fresh);
        new SchemaService(freshDirect).initialize(event -> { });
        new SchemaService(freshDirect).resetDemoData(new dev.snowpulse.schema.Restock(1_000_000));
        PostgresEndpoint freshPooled = new PostgresEndpoint(new PostgresSettings(TestPostgres.HOST, bouncer.port(), fresh.database(),
                TestPostgres.USER, SslMode.DISABLE, null, "snowpulse-test", SecretRef.of(SecretSource.NONE), Pooler.TRANSACTION),
                Optional.empty());
        long before = serverTransactions(freshDirect);

        WorkloadResult result = WorkloadRun.start(freshPooled, new WorkloadSpec(4, 500, null, 10, 10, 1, 1, null, Duration.ZERO)).await();
        assertThat(result.counts().ok()).isEqualTo(2_000);

        // the pooler's server sessions end and so report their counts; PgBouncer opens new ones when asked again
        Sql.execute(freshDirect, "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() "
                + "and pid <> pg_backend_pid()");
        dev.snowpulse.testing.Await.until(Duration.ofSeconds(15), "the pooler's server sessions to end", () -> otherSessions(freshDirect) == 0);
        long transactions = serverTransactions(freshDirect) - before;
        assertThat(transactions).as("PgBouncer resending SET DateStyle before each order would double them")
                .isBetween(2_000L, 2_200L);
    }

    private static long otherSessions(PostgresEndpoint db) {
        try {
            return Long.parseLong(Sql.single(db, "select count(*) from pg_stat_activity where datname = current_database() "
                    + "and pid <> pg_backend_pid()"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long serverTransactions(PostgresEndpoint db) throws SQLException {
        return Long.parseLong(Sql.single(db, "select xact_commit + xact_rollback from pg_stat_database where datname = current_database()"));
    }

    @Test
    void oneHundredTwentyEightClientsShareTwentyServerConnections() throws Exception {
        WorkloadRun run = WorkloadRun.start(pooled, new WorkloadSpec(128, null, Duration.ofSeconds(3), 10, 10, 1, 1, null, Duration.ZERO));
        long serverSessions = Long.parseLong(Sql.single(direct, "select count(*) from pg_stat_activity where datname = current_database() "
                + "and backend_type = 'client backend' and pid <> pg_backend_pid()"));
        WorkloadResult result = run.await();

        assertThat(serverSessions).as("the pooler's server connections, not one per worker").isLessThanOrEqualTo(20);
        assertThat(result.counts().failures()).as(result.counts().toString()).isZero();
        assertThat(result.counts().ok()).isPositive().isEqualTo(orders());
    }

    @Test
    void theSameRunWithoutThePoolerSettingCollidesAndSaysWhatToTick() throws Exception {
        WorkloadResult result = WorkloadRun.start(through(Pooler.NONE), new WorkloadSpec(32, 200, null, 10, 10, 1, 1, null, Duration.ZERO)).await();

        assertThat(result.counts().otherBySqlState().keySet()).as("named statements on shared server connections")
                .containsAnyOf("42P05", "26000");
        assertThat(NothingSucceeded.poolerHint(result.counts())).get().asString().contains("Through a transaction-mode pooler");
    }

    @Test
    void anIngestAndAKpiReadWithItsTimeoutWorkThroughThePooler() throws Exception {
        List<IngestBatch> batches = new CopyOnWriteArrayList<>();
        OutcomeCounts ingested = ContinuousIngest.start(pooled, new IngestSpec(Duration.ofMillis(20), 5, 10, 10, 1, 1, 4), batches::add).await();
        assertThat(ingested.ok()).isEqualTo(20);

        KpiReader kpis = new KpiReader(pooled, "snowpulse-kpis-test");
        assertThat(kpis.read(KpiQuery.defaults(), Duration.ofSeconds(5)).summary().totalOrders()).isEqualTo(orders());
        try (Connection locker = direct.connect(); Statement lock = locker.createStatement()) {
            locker.setAutoCommit(false);
            lock.execute("lock table payments in access exclusive mode");
            Throwable timedOut = catchThrowable(() -> kpis.read(KpiQuery.defaults(), Duration.ofMillis(300)));
            assertThat(timedOut).isInstanceOf(SQLException.class).hasMessageContaining("statement timeout");
            locker.rollback();
        }
        assertThat(kpis.read(KpiQuery.defaults(), Duration.ofSeconds(5)).summary().totalOrders()).isEqualTo(orders());
        kpis.close();
        try (Connection other = pooled.connect(); Statement s = other.createStatement()) {
            for (int i = 0; i < 20; i++) {
                try (var rs = s.executeQuery("show statement_timeout")) {
                    rs.next();
                    assertThat(rs.getString(1)).as("no timeout left behind on a shared server connection").isEqualTo("0");
                }
            }
        }
    }

    @Test
    void thePipelineDeploysGeneratesAndRunsItsGraphThroughThePooler() throws Exception {
        String database = pg.freshDatabase().database();
        PostgresEndpoint pooledPipeline = new PostgresEndpoint(new PostgresSettings(TestPostgres.HOST, bouncer.port(), database,
                TestPostgres.USER, SslMode.DISABLE, null, "snowpulse-test", SecretRef.of(SecretSource.NONE), Pooler.TRANSACTION),
                Optional.empty());
        try (LocalPipelineGateway pipeline = new LocalPipelineGateway(pooledPipeline, PipelineSettings.forLocal(database, null))) {
            DeployReport deployed = pipeline.deploy(DeployListener.NONE);
            assertThat(deployed.ok()).as(deployed.describe()).isTrue();
            assertThat(pipeline.generate(new EventCounts(5, 12, 3, 2))).startsWith("Successfully generated 22 events");
            pipeline.start();
            pipeline.execute("GOLD_TRANSFORMATION_TASK");

            Map<String, Long> counts = pipeline.summary().stream().collect(Collectors.toMap(LayerCount::table, LayerCount::records));
            assertThat(counts).as("the root's run adds 20 events to the 22 generated").containsEntry("RAW_RETAIL_EVENTS", 42L)
                    .containsEntry("STG_PURCHASES", 22L).containsEntry("FCT_SALES", 22L);
            assertThat(pipeline.history(pipeline.names().controlPath(), HistoryQuery.recent(10))).extracting(TaskRun::state)
                    .as("each task of the graph in its own transaction, on whichever server connection").contains(TaskRunState.SUCCEEDED)
                    .doesNotContain(TaskRunState.FAILED);
            assertThat(pipeline.auditRuns(10)).hasSize(2);
        }
    }

    @Test
    void schemaChangesAreRefusedWithWhereToMakeThem() {
        Throwable refused = catchThrowable(() -> new SchemaService(pooled).initialize(event -> { }));

        assertThat(refused).isInstanceOf(SQLException.class).hasMessageContaining("need a direct connection")
                .hasMessageContaining("5432");
    }
}
