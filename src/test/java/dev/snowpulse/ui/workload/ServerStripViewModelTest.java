package dev.snowpulse.ui.workload;

import dev.snowpulse.AppServices;
import dev.snowpulse.app.CpuGauge;
import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.Environment;
import dev.snowpulse.profile.EnvironmentKind;
import dev.snowpulse.profile.Pooler;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.SslMode;
import dev.snowpulse.server.Bottleneck;
import dev.snowpulse.testing.Await;
import dev.snowpulse.testing.DirectBackground;
import dev.snowpulse.testing.InMemoryKeychain;
import dev.snowpulse.testing.ManualTicker;
import dev.snowpulse.testing.Sql;
import dev.snowpulse.testing.TestHosts;
import dev.snowpulse.testing.TestPgBouncer;
import dev.snowpulse.testing.TestPostgres;
import dev.snowpulse.workload.WorkloadRun;
import dev.snowpulse.workload.WorkloadSnapshot;
import dev.snowpulse.workload.WorkloadSpec;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Workload tab's server strip on a real PostgreSQL: a run's sessions, their waits and the bottleneck they make. */
class ServerStripViewModelTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path home;

    private AppServices services;
    private final List<ManualTicker> tickers = new ArrayList<>();
    private final SimpleObjectProperty<WatchedRun> watched = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<ClientInterval> client = new SimpleObjectProperty<>(ClientInterval.NONE);
    // the client's CPU held still, so the verdict depends on the sessions alone (BottleneckTest covers the CPU rules)
    private final CpuGauge cpu = new CpuGauge() {
        @Override
        public double percentSinceLast() {
            return 20;
        }

        @Override
        public double machinePercent() {
            return 30;
        }

        @Override
        public int cores() {
            return 2;
        }
    };

    @AfterEach
    void close() {
        if (services != null) {
            services.close();
        }
    }

    private ServerStripViewModel strip() {
        services = AppServices.create(TestHosts.linux(home), new InMemoryKeychain(false));
        return new ServerStripViewModel(services.connections(), new DirectBackground(), period -> {
            ManualTicker ticker = new ManualTicker();
            tickers.add(ticker);
            return ticker;
        }, watched, client, cpu);
    }

    private static ConnectionProfile profile(PostgresSettings db) {
        return new ConnectionProfile("shop", Environment.of(EnvironmentKind.DEV), db);
    }

    @Test
    void workersQueuedOnOneRowAreALockBottleneckAndTheStripStopsWithTheRun() throws Exception {
        PostgresSettings db = pg.freshDatabase();
        PostgresEndpoint endpoint = TestPostgres.endpoint(db);
        new dev.snowpulse.schema.SchemaService(endpoint).initialize(e -> { });
        String run = "snowpulse-workload-lockrun1";
        ServerStripViewModel strip = strip();
        strip.activate();
        assertThat(tickers).as("nothing to follow before a run").isEmpty();
        assertThat(strip.shownProperty().get()).isFalse();

        try (Connection holder = endpoint.connect(run); Connection first = endpoint.connect(run); Connection second = endpoint.connect(run)) {
            holder.setAutoCommit(false);
            Sql.execute(holder, "update inventory set stock = stock where product_id = 1");
            List<CompletableFuture<Void>> waiting = List.of(waitOnRow(first), waitOnRow(second));
            Await.until(Duration.ofSeconds(10), "both updates to wait", () -> {
                try {
                    return Sql.single(endpoint, "select count(*) from pg_locks where not granted").equals("2");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            client.set(ClientInterval.NONE);
            watched.set(new WatchedRun(profile(db), run, 3));
            assertThat(strip.shownProperty().get()).isTrue();
            for (int i = 0; i < ServerStripViewModel.JUDGED_READS; i++) {
                tickers.getLast().tick(1);
            }
            assertThat(strip.problemProperty().get()).isEmpty();
            assertThat(strip.sessionsProperty().get()).isEqualTo("2 active of 3 sessions · 3 workers");
            // the first waiter waits for the holder's transaction, the second for the first's row lock
            assertThat(strip.waitsProperty().get()).isEqualTo("Lock: transactionid 1 · Lock: tuple 1");
            assertThat(strip.ratesProperty().get()).endsWith("transactions/s on the server · 0 orders/s by this run");
            // one holder idle in its transaction, two waiting: 2 of 3 samples wait on a lock
            assertThat(strip.causeProperty().get()).isEqualTo(Bottleneck.Cause.LOCKS);
            assertThat(strip.bottleneckProperty().get()).isEqualTo("database waiting on locks: 67 % of the run's sessions, mostly Lock: transactionid");

            holder.rollback();
            for (CompletableFuture<Void> w : waiting) {
                w.get(10, TimeUnit.SECONDS);
            }
            watched.set(null);
            assertThat(tickers).noneMatch(ManualTicker::running);
            assertThat(strip.titleProperty().get()).isEqualTo("Server side, as run lockrun1 ended");
            assertThat(strip.bottleneckProperty().get()).as("the last verdict stays to be read").startsWith("database waiting on locks");
        }
        strip.shutdown();
    }

    @Test
    void idleSessionsOfAPacedRunMeanTheDatabaseWaitsOnTheClient() throws Exception {
        PostgresSettings db = pg.freshDatabase();
        PostgresEndpoint endpoint = TestPostgres.endpoint(db);
        String run = "snowpulse-workload-paced001";
        ServerStripViewModel strip = strip();
        strip.activate();
        try (Connection a = endpoint.connect(run); Connection b = endpoint.connect(run)) {
            Sql.execute(a, "select 1");
            Sql.execute(b, "select 1");
            watched.set(new WatchedRun(profile(db), run, 2));
            tickers.getLast().tick(2);
            assertThat(strip.causeProperty().get()).isEqualTo(Bottleneck.Cause.CLIENT);
            assertThat(strip.waitsProperty().get()).isEqualTo("no waits");

            strip.deactivate();
            assertThat(tickers).as("a hidden tab reads nothing").noneMatch(ManualTicker::running);
        }
        strip.shutdown();
    }

    @Test
    void eightWorkersThroughATwoConnectionPoolAreASaturatedPool() throws Exception {
        // the server sees at most the pool's two connections, each idle part of the time while the pooler relays;
        // the client's orders in flight (orders/s × latency) show the other workers waiting in the pooler
        eightWorkersThroughATwoConnectionPool(false, "pool saturated: [5-8] orders under way for [12] server connections");
    }

    @Test
    void wherePgBouncersConsoleIsReadableItsOwnQueueNamesTheSaturatedPool() throws Exception {
        // 8 workers and the strip's own read share two server connections: up to 7 wait, as SHOW POOLS counts them
        eightWorkersThroughATwoConnectionPool(true, "pool saturated: [3-7] clients waiting in PgBouncer for one of [12] server connections");
    }

    private void eightWorkersThroughATwoConnectionPool(boolean consoleReadable, String verdict) throws Exception {
        assumeTrue(TestPgBouncer.available(), "PgBouncer refuses to run as root and must be installed; CI runs this as an ordinary user");
        PostgresSettings db = pg.freshDatabase();
        PostgresEndpoint endpoint = TestPostgres.endpoint(db);
        new dev.snowpulse.schema.SchemaService(endpoint).initialize(e -> { });
        new dev.snowpulse.schema.SchemaService(endpoint).resetDemoData(new dev.snowpulse.schema.Restock(100_000_000));
        try (TestPgBouncer bouncer = consoleReadable ? TestPgBouncer.startWithConsole(home, 2, "trust", TestPostgres.USER, "")
                : TestPgBouncer.start(home, 2)) {
            PostgresSettings pooled = new PostgresSettings(TestPostgres.HOST, bouncer.port(), db.database(), TestPostgres.USER,
                    SslMode.DISABLE, null, "snowpulse-test", SecretRef.of(SecretSource.NONE), Pooler.TRANSACTION);
            WorkloadRun run = WorkloadRun.start(new PostgresEndpoint(pooled, java.util.Optional.empty()),
                    new WorkloadSpec(8, null, Duration.ofMinutes(1), 10, 10, 1, 1, null, Duration.ZERO));
            try {
                ServerStripViewModel strip = strip();
                strip.activate();
                watched.set(new WatchedRun(profile(pooled), run.applicationName(), 8));
                for (int i = 0; i < ServerStripViewModel.JUDGED_READS; i++) {
                    long before = run.counts().ok();
                    Await.until(Duration.ofSeconds(10), "orders to go through", () -> run.counts().ok() >= before + 50);
                    WorkloadSnapshot s = run.sample();
                    client.set(new ClientInterval(s.intervalOrdersPerSecond(), s.intervalLatency().mean()));
                    tickers.getLast().tick(1);
                }

                assertThat(strip.problemProperty().get()).isEmpty();
                assertThat(strip.causeProperty().get()).as(strip.bottleneckProperty().get()).isEqualTo(Bottleneck.Cause.POOL_SATURATED);
                assertThat(strip.bottleneckProperty().get()).containsPattern(verdict);
                strip.shutdown();
            } finally {
                run.cancel();
                run.await();
            }
        }
    }

    private static CompletableFuture<Void> waitOnRow(Connection c) {
        return CompletableFuture.runAsync(() -> {
            try {
                Sql.execute(c, "update inventory set stock = stock + 0 where product_id = 1");
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
            // a thread each: the common pool may have a single one on a small machine
        }, work -> Thread.ofPlatform().daemon().start(work));
    }
}
