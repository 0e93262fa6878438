package dev.snowpulse.workload;

import dev.snowpulse.db.EmbeddedPostgresServer;
import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.SslMode;
import dev.snowpulse.schema.SchemaService;
import dev.snowpulse.testing.Await;
import dev.snowpulse.testing.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A workload, a continuous ingest and the KPI reader through a real restart of their PostgreSQL server: the embedded server is
 * stopped and started again on the same port and data. It cannot run as root (PostgreSQL refuses); CI runs it as an
 * ordinary user.
 */
class ServerRestartTest {

    @TempDir
    Path base;

    /** An embedded server of the test's own (it is stopped and started), with the schema and a deep stock. */
    private EmbeddedPostgresServer startStocked() throws Exception {
        assumeFalse(EmbeddedPostgresServer.runningAsRoot(), "PostgreSQL refuses to run as root; CI runs this as an ordinary user");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(base);
        PostgresEndpoint db = endpoint(server.port());
        new SchemaService(db).initialize(event -> { });
        new SchemaService(db).resetDemoData(new dev.snowpulse.schema.Restock(1_000_000));
        return server;
    }

    private static PostgresEndpoint endpoint(int port) {
        return new PostgresEndpoint(new PostgresSettings("127.0.0.1", port, "postgres", "postgres", SslMode.DISABLE,
                null, "snowpulse-test", SecretRef.of(SecretSource.NONE)), Optional.empty());
    }

    @Test
    void bothOutliveARestartWithEveryOrderCountedOnce() throws Exception {
        EmbeddedPostgresServer server = startStocked();
        int port = server.port();
        PostgresEndpoint db = endpoint(port);
        try {

            List<IngestBatch> batches = new CopyOnWriteArrayList<>();
            ContinuousIngest ingest = ContinuousIngest.start(db, new IngestSpec(Duration.ofMillis(100), 5, 10, 10, 1, 1, null), batches::add);
            WorkloadRun run = WorkloadRun.start(db, new WorkloadSpec(2, null, Duration.ofMinutes(5), 10, 10, 1, 1, 200.0, Duration.ZERO));
            Await.until(Duration.ofSeconds(30), "orders before the restart", () -> run.counts().ok() >= 100 && batches.size() >= 3);

            dev.snowpulse.kpi.KpiReader kpis = new dev.snowpulse.kpi.KpiReader(db, "snowpulse-kpis-test");
            long before = kpis.read(dev.snowpulse.kpi.KpiQuery.defaults(), Duration.ofSeconds(5)).summary().totalOrders();

            server.close();
            Await.until(Duration.ofSeconds(30), "a batch skipped while the server is down", () -> batches.stream().anyMatch(IngestBatch::skipped));
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> kpis.read(dev.snowpulse.kpi.KpiQuery.defaults(), Duration.ofSeconds(5))))
                    .as("the dashboard's read fails while the server is down").isInstanceOf(java.sql.SQLException.class);
            long okWhileDown = run.counts().ok();
            server = EmbeddedPostgresServer.start(base, port);

            int seen = batches.size();
            Await.until(Duration.ofSeconds(60), "ingest and workload going again", () ->
                    batches.stream().skip(seen).anyMatch(b -> !b.skipped() && b.counts().ok() == 5) && run.counts().ok() >= okWhileDown + 100);
            assertThat(kpis.read(dev.snowpulse.kpi.KpiQuery.defaults(), Duration.ofSeconds(5)).summary().totalOrders())
                    .as("and reads again once it is back, on a new connection").isGreaterThan(before);
            kpis.close();
            ingest.cancel();
            run.cancel();
            OutcomeCounts ingested = ingest.await();
            WorkloadResult result = run.await();

            assertThat(result.counts().connectionLost()).as("the workers' orders in flight at the restart").isPositive();
            assertThat(result.counts().otherSqlErrors()).isZero();
            assertThat(ingested.otherSqlErrors()).isZero();
            long inDatabase = Long.parseLong(Sql.single(db, "select count(*) from orders"));
            // an order whose connection died may have committed just before: lost to the client, never retried
            long ok = result.counts().ok() + ingested.ok();
            assertThat(inDatabase).as("every success is one order, nothing retried into a duplicate")
                    .isBetween(ok, ok + result.counts().connectionLost() + ingested.connectionLost());
            assertThat(Sql.single(db, "select status || ':' || ok from workload_runs where run_id = '" + result.runId() + "'"))
                    .isEqualTo("cancelled:" + result.counts().ok());
            // the figures the README's reliability section quotes
            System.out.printf(java.util.Locale.ROOT, "reliability: restart under a 2-worker run and an ingest: %,d orders in the database, "
                    + "%,d ok, %,d connection lost (in flight at the stop), %,d not sent, %d other errors%n", inDatabase, ok,
                    result.counts().connectionLost() + ingested.connectionLost(), result.counts().notSent() + ingested.notSent(),
                    result.counts().otherSqlErrors() + ingested.otherSqlErrors());
        } finally {
            server.close();
        }
    }

    @Test
    void anOpenLoopRunAcrossAStoppedServerCountsEveryOrderDueExactlyOnce() throws Exception {
        EmbeddedPostgresServer server = startStocked();
        int port = server.port();
        PostgresEndpoint db = endpoint(port);
        try {
            WorkloadSpec spec = new WorkloadSpec(16, null, Duration.ofSeconds(20), 10, 10, 1, 1, 500.0, Duration.ZERO);
            WorkloadRun run = WorkloadRun.start(db, spec);
            Await.until(Duration.ofSeconds(10), "orders before the stop", () -> run.counts().ok() >= 500);

            server.close();
            Await.until(Duration.ofSeconds(10), "orders due while the server is down", () -> run.counts().notSent() >= 500);
            server = EmbeddedPostgresServer.start(base, port);
            long okWhenBack = run.counts().ok();
            WorkloadResult result = run.await();

            OutcomeCounts c = result.counts();
            System.out.printf(java.util.Locale.ROOT, "reliability: 16 workers at 500/s for 20 s, server stopped and started: %,d due = "
                    + "%,d ok + %,d connection lost + %,d not sent + %,d other (%,d orders in the database)%n", spec.dueOrders(), c.ok(),
                    c.connectionLost(), c.notSent(), c.outOfStock() + c.invalidInput() + c.otherSqlErrors(),
                    Long.parseLong(Sql.single(db, "select count(*) from orders")));
            assertThat(c.ok()).as("orders again after the start").isGreaterThan(okWhenBack);
            assertThat(c.notSent()).isPositive();
            assertThat(c.total()).as("ok + failures + not sent = the orders due").isEqualTo(spec.dueOrders());
            assertThat(Sql.single(db, "select status || ':' || ok || ':' || not_sent from workload_runs where run_id = '" + result.runId() + "'"))
                    .isEqualTo("completed:" + c.ok() + ":" + c.notSent());
        } finally {
            server.close();
        }
    }
}
