package dev.snowpulse.workload;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.schema.SchemaService;
import dev.snowpulse.testing.Await;
import dev.snowpulse.testing.Sql;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * How a run starts and what it counts when it cannot reach the database: every session open before the clock, the
 * server's refusals named, orders due while no connection could be had counted, bounds at their extremes.
 */
class WorkloadStartTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    private static PostgresEndpoint db;
    private static final String ROLE = "sp_worker_" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void schema() throws Exception {
        db = pg.initialisedEndpoint();
        Sql.execute(db, "create role " + ROLE + " login nosuperuser");
        Sql.execute(db, "grant all on all tables in schema public to " + ROLE);
        Sql.execute(db, "grant all on all sequences in schema public to " + ROLE);
    }

    @AfterAll
    static void dropRole() throws SQLException {
        Sql.execute(db, "drop owned by " + ROLE);
        Sql.execute(db, "drop role if exists " + ROLE);
    }

    @BeforeEach
    void restock() throws SQLException {
        new SchemaService(db).resetDemoData(new dev.snowpulse.schema.Restock(1_000_000));
        Sql.execute(db, "alter role " + ROLE + " login connection limit -1");
    }

    private static PostgresEndpoint asWorkerRole() {
        PostgresSettings s = pg.settings();
        return TestPostgres.endpoint(new PostgresSettings(s.host(), s.port(), s.database(), ROLE, s.sslMode(), s.sslRootCert(),
                s.applicationName(), s.password()));
    }

    private static long sessionsOf(String applicationName) throws SQLException {
        return Long.parseLong(Sql.single(db, "select count(*) from pg_stat_activity where application_name = '" + applicationName + "'"));
    }

    private static long roleSessions() {
        try {
            return Long.parseLong(Sql.single(db, "select count(*) from pg_stat_activity where usename = '" + ROLE + "'"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void all64SessionsAreOpenBeforeTheClockStartsAndTheirConnectTimeIsReportedApart() throws Exception {
        WorkloadRun run = WorkloadRun.start(db, new WorkloadSpec(64, 20, null, 10, 10, 1, 1, null, Duration.ZERO));
        long openWhenStarted = sessionsOf(run.applicationName());
        WorkloadResult result = run.await();

        assertThat(openWhenStarted).as("sessions open when start() returns, before the workers' first orders").isEqualTo(64);
        assertThat(result.connectTime()).isPositive();
        assertThat(result.counts().ok()).isEqualTo(64 * 20);
        assertThat(Double.parseDouble(Sql.single(db, "select connect_ms from workload_runs where run_id = '" + result.runId() + "'")))
                .isEqualTo(result.connectTime().toNanos() / 1e6, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void aUserConnectionLimitRefusesTheRunBeforeItStartsAndClosesWhatItOpened() throws Exception {
        Sql.execute(db, "alter role " + ROLE + " connection limit 3");
        long runsBefore = Long.parseLong(Sql.single(db, "select count(*) from workload_runs"));

        Throwable refused = catchThrowable(() -> WorkloadRun.start(asWorkerRole(), new WorkloadSpec(5, 10, null, 10, 10, 1, 1, null, Duration.ZERO)));

        assertThat(refused).isInstanceOf(WorkloadRefused.class).hasMessageContaining("3 of the 5 workers'")
                .hasMessageContaining("CONNECTION LIMIT");
        Await.until(Duration.ofSeconds(10), "the 3 sessions closed again", () -> roleSessions() == 0);
        assertThat(Long.parseLong(Sql.single(db, "select count(*) from workload_runs"))).as("no run recorded").isEqualTo(runsBefore);
    }

    @Test
    void aFullServerRefusesTheRunNamingMaxConnections() throws Exception {
        int max = Integer.parseInt(Sql.single(db, "show max_connections"));
        assumeTrue(max < WorkloadSpec.MAX_WORKERS, "max_connections " + max + " cannot be filled by one run");

        Throwable refused = catchThrowable(() -> WorkloadRun.start(asWorkerRole(),
                new WorkloadSpec(WorkloadSpec.MAX_WORKERS, 1, null, 10, 10, 1, 1, null, Duration.ZERO)));

        assertThat(refused).isInstanceOf(WorkloadRefused.class).hasMessageContaining("max_connections = " + max)
                .hasMessageContaining("fewer workers");
    }

    @Test
    void ordersDueWhileNoConnectionCanBeHadAreCountedAsNotSentAndAddUpToTheOrdersDue() throws Exception {
        WorkloadSpec spec = new WorkloadSpec(4, null, Duration.ofSeconds(6), 10, 10, 1, 1, 200.0, Duration.ZERO);
        WorkloadRun run = WorkloadRun.start(asWorkerRole(), spec);
        Await.until(Duration.ofSeconds(10), "orders before the outage", () -> run.counts().ok() >= 100);

        Sql.execute(db, "alter role " + ROLE + " nologin");
        Sql.single(db, "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = '" + run.applicationName() + "'");
        Await.until(Duration.ofSeconds(10), "orders not sent while the role may not log in", () -> run.counts().notSent() >= 100);
        Sql.execute(db, "alter role " + ROLE + " login");
        long okBefore = run.counts().ok();
        Await.until(Duration.ofSeconds(10), "orders again once it may", () -> run.counts().ok() >= okBefore + 100);
        WorkloadResult result = run.await();

        OutcomeCounts c = result.counts();
        assertThat(c.notSent()).isPositive();
        assertThat(c.connectionLost()).isPositive();
        assertThat(c.total()).as("ok + every failure + not sent = the orders due").isEqualTo(spec.dueOrders());
        assertThat(Sql.single(db, "select status || ':' || ok || ':' || not_sent from workload_runs where run_id = '" + result.runId() + "'"))
                .isEqualTo("completed:" + c.ok() + ":" + c.notSent());
    }

    @Test
    void theLargestIdsTheSpecAllowsAreDrawnWithoutOverflowAndWarnedAbout() throws Exception {
        WorkloadRun run = WorkloadRun.start(db, new WorkloadSpec(2, 50, null, Integer.MAX_VALUE, Integer.MAX_VALUE, 1, 1, null, Duration.ZERO));
        WorkloadResult result = run.await();

        assertThat(run.warnings()).extracting(RunWarning::kind)
                .containsExactly(RunWarning.Kind.CUSTOMERS_BEYOND, RunWarning.Kind.PRODUCTS_BEYOND);
        assertThat(run.warnings().getFirst().finding()).contains("customer ids go up to 10");
        assertThat(run.warnings().getFirst().withCliRemedy()).endsWith("(lower --max-customers to 10)");
        assertThat(run.warnings().getFirst().withAppRemedy()).endsWith("(set Customers 1 to 10)");
        assertThat(result.failed()).isFalse();
        assertThat(result.counts().total()).isEqualTo(100);
        assertThat(result.counts().invalidInput()).as("nearly every id is beyond the ten the demo has").isGreaterThan(90);
    }

    @Test
    void aDatabaseWithoutTheSchemaIsRefusedWithTheCommandThatBuildsIt() throws Exception {
        PostgresEndpoint empty = TestPostgres.endpoint(pg.freshDatabase());

        Throwable refused = catchThrowable(() -> WorkloadRun.start(empty, WorkloadSpec.seedDefaults()));

        assertThat(refused).isInstanceOf(WorkloadRefused.class).hasMessageContaining("snowpulse init");
    }
}
