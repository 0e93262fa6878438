package dev.snowpulse.workload;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.schema.SchemaService;
import dev.snowpulse.testing.Await;
import dev.snowpulse.testing.Sql;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The load engine against the real PostgreSQL: exact outcomes, cancel, dropped connections, pacing, history. */
class WorkloadRunTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    private static PostgresEndpoint db;

    @BeforeAll
    static void schema() throws Exception {
        db = pg.initialisedEndpoint();
    }

    @BeforeEach
    void restock() throws SQLException {
        new SchemaService(db).resetDemoData(new dev.snowpulse.schema.Restock(1_000_000));
    }

    private static long single(String sql) throws SQLException {
        return Long.parseLong(Sql.single(db, sql));
    }

    private static String statusOf(String applicationName) throws SQLException {
        return new WorkloadHistory(db).recent(50).stream().filter(r -> r.applicationName().equals(applicationName))
                .findFirst().orElseThrow().status();
    }

    private static void execute(String sql) throws SQLException {
        Sql.execute(db, sql);
    }

    private static WorkloadSpec orders(int workers, int each, int customers, int products) {
        return new WorkloadSpec(workers, each, null, customers, products, 1, 1, null, Duration.ZERO);
    }

    @Test
    void everyOrderEndsOnceAndSuccessesAreTheOrdersInserted() throws Exception {
        WorkloadRun run = WorkloadRun.start(db, orders(4, 50, 10, 10));
        WorkloadResult result = run.await();

        assertThat(result.cancelled()).isFalse();
        assertThat(result.counts().total()).isEqualTo(200);
        assertThat(result.counts().ok()).isEqualTo(200);
        assertThat(single("select count(*) from orders")).isEqualTo(200);
        assertThat(result.latency().count()).isEqualTo(200);
        assertThat(result.latency().p50()).isPositive().isLessThanOrEqualTo(result.latency().p99());
        assertThat(result.ordersPerSecond()).isPositive();
        assertThat(single("select ok from workload_runs where run_id = '" + result.runId() + "'")).isEqualTo(200);
        assertThat(single("select count(*) from workload_runs where run_id = '" + result.runId() + "' and status = 'completed' "
                + "and application_name = '" + run.applicationName() + "' and spec ->> 'workers' = '4'")).isEqualTo(1);
    }

    @Test
    void theHistoryReadsRunsBackNewestFirst() throws Exception {
        WorkloadResult first = WorkloadRun.start(db, orders(2, 10, 10, 10)).await();
        WorkloadResult second = WorkloadRun.start(db, new WorkloadSpec(3, null, Duration.ofSeconds(1), 5, 7, 1, 3, 200.0, Duration.ZERO)).await();

        var runs = new WorkloadHistory(db).recent(50);

        var newest = runs.get(0);
        assertThat(newest.runId()).isEqualTo(second.runId());
        assertThat(newest.plan()).isEqualTo("3 workers for 1s at 200/s, customers 1..5, products 1..7, qty 1..3");
        assertThat(newest.status()).isEqualTo("completed");
        assertThat(newest.counts()).isEqualTo(second.counts());
        assertThat(newest.ordersPerSecond()).isCloseTo(second.ordersPerSecond(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(newest.p99()).isCloseTo(second.latency().p99(), org.assertj.core.data.Offset.offset(0.001));
        assertThat(newest.elapsedSeconds()).isPositive();
        var older = runs.stream().filter(r -> r.runId().equals(first.runId())).findFirst().orElseThrow();
        assertThat(older.plan()).isEqualTo("2 workers × 10 orders, customers 1..10, products 1..10, qty 1");
        assertThat(older.counts().ok()).isEqualTo(20);

        execute("insert into workload_runs (run_id, application_name, started_at, status, spec) values "
                + "(gen_random_uuid(), 'snowpulse-workload-gone', now() - interval '1 minute', 'running', '{\"workers\": 1, \"duration_seconds\": 5}')");
        assertThat(statusOf("snowpulse-workload-gone")).as("no session left: its client died").isEqualTo("abandoned");
        execute("insert into workload_runs (run_id, application_name, started_at, status, spec) values "
                + "(gen_random_uuid(), 'snowpulse-workload-starting', now(), 'running', '{\"workers\": 1, \"duration_seconds\": 5}')");
        assertThat(statusOf("snowpulse-workload-starting")).as("just started: no session yet").isEqualTo("running");

        var table = WorkloadRunRecord.table(runs);
        assertThat(table.columns()).startsWith("run_id", "started_at");
        assertThat(table.rows().get(0).get(table.columns().indexOf("ok"))).isEqualTo(Long.toString(second.counts().ok()));
    }

    @Test
    void refusalsAreCountedByCause() throws Exception {
        execute("update inventory set stock = case when product_id = 1 then 30 else stock end");
        // products 1..1 with 30 units for 80 orders; customers 1..20 where only 1..10 exist
        WorkloadResult result = WorkloadRun.start(db, new WorkloadSpec(4, 20, null, 10, 1, 1, 1, null, Duration.ZERO)).await();
        assertThat(result.counts().ok()).isEqualTo(30);
        assertThat(result.counts().outOfStock()).isEqualTo(50);
        assertThat(single("select stock from inventory where product_id = 1")).isZero();

        new SchemaService(db).resetDemoData(new dev.snowpulse.schema.Restock(1_000_000));
        WorkloadResult invalid = WorkloadRun.start(db, orders(2, 100, 20, 10)).await();
        assertThat(invalid.counts().invalidInput()).isPositive();
        assertThat(invalid.counts().ok() + invalid.counts().invalidInput()).isEqualTo(200);
        assertThat(single("select count(*) from orders")).isEqualTo(invalid.counts().ok());
    }

    @Test
    void cancellingKeepsEveryCountExact() throws Exception {
        WorkloadRun run = WorkloadRun.start(db, new WorkloadSpec(4, null, Duration.ofMinutes(5), 10, 10, 1, 1, null, Duration.ZERO));
        Await.until(Duration.ofSeconds(30), "100 orders", () -> run.sample().counts().ok() >= 100);

        run.cancel();
        WorkloadResult result = run.await();

        assertThat(result.cancelled()).isTrue();
        assertThat(result.elapsed()).isLessThan(Duration.ofMinutes(1));
        assertThat(single("select count(*) from orders")).isEqualTo(result.counts().ok());
        assertThat(result.counts().failures()).isZero();
        assertThat(single("select count(*) from workload_runs where run_id = '" + result.runId() + "' and status = 'cancelled'")).isEqualTo(1);
    }

    @Test
    void droppedConnectionsCountOnceReconnectAndNeverDuplicate() throws Exception {
        WorkloadRun run = WorkloadRun.start(db, new WorkloadSpec(4, null, Duration.ofMinutes(5), 10, 10, 1, 1, null, Duration.ZERO));
        Await.until(Duration.ofSeconds(30), "200 orders", () -> run.sample().counts().ok() >= 200);

        long killed = single("select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity "
                + "where application_name = '" + run.applicationName() + "') t");
        assertThat(killed).as("the run's sessions are tagged with its application_name").isPositive();
        long before = run.sample().counts().ok();
        Await.until(Duration.ofSeconds(30), "200 more orders after reconnecting", () -> run.sample().counts().ok() >= before + 200);
        run.cancel();
        WorkloadResult result = run.await();

        assertThat(result.counts().connectionLost()).isBetween(1L, killed);
        assertThat(result.counts().otherSqlErrors()).isZero();
        assertThat(single("select count(*) from orders")).isEqualTo(result.counts().ok());
        assertThat(single("select count(*) from payments")).isEqualTo(result.counts().ok());
    }

    @Test
    void aSampleReportsTheIntervalsSuccessfulOrdersPerSecond() throws Exception {
        WorkloadRun run = WorkloadRun.start(db, new WorkloadSpec(2, null, Duration.ofSeconds(30), 10, 10, 1, 1, 100.0, Duration.ZERO));
        run.sample();
        long start = run.counts().ok();
        Await.until(Duration.ofSeconds(20), "150 orders", () -> run.counts().ok() >= start + 150);

        WorkloadSnapshot interval = run.sample();

        assertThat(interval.intervalOrdersPerSecond()).isBetween(75.0, 125.0);
        assertThat(interval.intervalLatency().count()).isGreaterThanOrEqualTo(150);
        assertThat(interval.progress()).isBetween(0.0, 1.0);
        run.cancel();
        run.await();
    }

    @Test
    void aTargetRateIsHeldAndSampledRatesUseMeasuredTime() throws Exception {
        WorkloadRun run = WorkloadRun.start(db, new WorkloadSpec(2, null, Duration.ofSeconds(3), 10, 10, 1, 1, 200.0, Duration.ZERO));
        WorkloadResult result = run.await();
        assertThat(result.counts().total()).isBetween(540L, 610L);
        assertThat(result.ordersPerSecond()).isBetween(170.0, 215.0);
        assertThat(single("select count(*) from orders")).isEqualTo(result.counts().ok());
    }

    @Test
    void aRunIsKeptSecondBySecondAndItsSecondsAddUpToItsCounts() throws Exception {
        WorkloadRun run = WorkloadRun.start(db, new WorkloadSpec(2, null, Duration.ofSeconds(3), 10, 10, 1, 1, 200.0, Duration.ZERO));
        WorkloadResult result = run.await();

        List<SecondPoint> stored = new WorkloadHistory(db).seconds(result.runId());
        assertThat(stored).isEqualTo(run.seconds());
        assertThat(stored).extracting(SecondPoint::second).startsWith(1, 2, 3);
        assertThat(stored.size()).isBetween(3, 4);
        assertThat(stored.stream().mapToLong(SecondPoint::ok).sum()).isEqualTo(result.counts().ok());
        assertThat(stored.stream().mapToLong(SecondPoint::failed).sum()).isEqualTo(result.counts().failures());
        // paced at 200 orders/s: each whole second holds about 200
        assertThat(stored.subList(0, 3)).allSatisfy(p -> assertThat(p.ok()).isBetween(170L, 230L));
        assertThat(stored.getFirst().p95Ms()).isNotNull().isGreaterThanOrEqualTo(stored.getFirst().p50Ms());
    }
}
