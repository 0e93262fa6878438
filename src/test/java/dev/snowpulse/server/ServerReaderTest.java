package dev.snowpulse.server;

import dev.snowpulse.db.EmbeddedPostgresServer;
import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.testing.Await;
import dev.snowpulse.testing.PrivatePostgres;
import dev.snowpulse.testing.RowLockWait;
import dev.snowpulse.testing.Sql;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** What the Server tab and `snowpulse top` read, on a real PostgreSQL: sessions, lock chains, signals, rates, statements. */
class ServerReaderTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    private static PostgresEndpoint db;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @BeforeAll
    static void schema() throws Exception {
        db = pg.initialisedEndpoint();
    }

    private static int pid(Connection c) throws SQLException {
        return Integer.parseInt(Sql.single(c, "select pg_backend_pid()"));
    }

    private static BackendSession session(ServerReader reader, int pid) throws SQLException {
        return reader.read(TIMEOUT).sessions().stream().filter(s -> s.pid() == pid).findFirst().orElse(null);
    }

    @Test
    void aRowLockWaitIsAChainWithItsPidsModeAndTableAndCancelEndsTheWait() throws Exception {
        try (ServerReader reader = new ServerReader(db);
             Connection holder = db.connect("sp-holder");
             Connection waiter = db.connect("sp-waiter")) {
            int holderPid = pid(holder);
            int waiterPid = pid(waiter);
            CompletableFuture<Void> waiting = RowLockWait.on(holder, waiter, 1, "update inventory set stock = stock + 1 where product_id = 1");
            Await.until(Duration.ofSeconds(10), "the second update to wait on the first", () -> {
                try {
                    BackendSession s = session(reader, waiterPid);
                    return s != null && s.state() == SessionState.WAITING_ON_LOCK;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            ActivitySnapshot snapshot = reader.read(TIMEOUT);
            BackendSession waiting1 = snapshot.sessions().stream().filter(s -> s.pid() == waiterPid).findFirst().orElseThrow();
            assertThat(waiting1.blockedBy()).containsExactly(holderPid);
            assertThat(waiting1.lockMode()).isEqualTo("ShareLock");
            assertThat(waiting1.lockRelation()).isEqualTo("inventory");
            assertThat(waiting1.application()).isEqualTo("sp-waiter");
            assertThat(snapshot.ofApplication("SP-HOLDER")).extracting(BackendSession::pid).containsExactly(holderPid);
            assertThat(snapshot.ofApplication("sp-holder").getFirst().state()).isEqualTo(SessionState.IDLE_IN_TRANSACTION);
            assertThat(snapshot.sessionsByState().get(SessionState.WAITING_ON_LOCK)).isEqualTo(1);
            assertThat(snapshot.topWaits(3)).first().satisfies(w -> assertThat(w.getKey()).isEqualTo("Lock: transactionid"));

            List<BlockingChains.Link> chains = BlockingChains.of(snapshot.sessions());
            assertThat(chains).singleElement().satisfies(root -> {
                assertThat(root.session().pid()).isEqualTo(holderPid);
                assertThat(root.waiters()).extracting(l -> l.session().pid()).containsExactly(waiterPid);
            });

            assertThat(reader.signal(waiting1, BackendSignal.CANCEL, TIMEOUT)).isTrue();
            assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .rootCause().isInstanceOf(SQLException.class).satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
            holder.rollback();
        }
    }

    @Test
    void terminateEndsTheSessionAndAGoneSessionIsSaidSo() throws Exception {
        try (ServerReader reader = new ServerReader(db); Connection victim = db.connect("sp-victim")) {
            BackendSession read = session(reader, pid(victim));
            assertThat(reader.signal(read, BackendSignal.TERMINATE, TIMEOUT)).isTrue();
            assertThatThrownBy(() -> Sql.single(victim, "select 1")).isInstanceOf(SQLException.class);
            Await.until(Duration.ofSeconds(10), "the session to end", () -> {
                try {
                    return session(reader, read.pid()) == null;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(reader.signal(read, BackendSignal.TERMINATE, TIMEOUT)).as("no such session any more").isFalse();
        }
    }

    @Test
    void aSignalMeantForAnEarlierSessionWithTheSamePidLeavesTheNewOneAlone() throws Exception {
        try (ServerReader reader = new ServerReader(db); Connection bystander = db.connect("sp-bystander")) {
            BackendSession now = session(reader, pid(bystander));
            // what a table row still shows after its session ended and the server gave the pid to a new one
            BackendSession earlier = new BackendSession(now.pid(), now.application(), now.user(), now.client(), now.rawState(),
                    now.waitEventType(), now.waitEvent(), now.backendStart().minusSeconds(60), null, null, null, now.query(),
                    List.of(), null, null, null, now.own());
            assertThat(reader.signal(earlier, BackendSignal.TERMINATE, TIMEOUT)).isFalse();
            assertThat(Sql.single(bystander, "select 1")).isEqualTo("1");
        }
    }

    @Test
    void theFirstReadsSetupIsUnderTheTimeoutToo() throws Exception {
        try (Connection locker = db.connect("sp-catalog-locker"); ServerReader reader = new ServerReader(db)) {
            locker.setAutoCommit(false);
            // what the reader's first read asks of the catalog is held up, as a long DDL would hold it
            Sql.execute(locker, "lock table pg_extension in access exclusive mode");
            try {
                assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(15), () -> reader.read(Duration.ofSeconds(1))))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
            } finally {
                locker.rollback();
            }
            assertThat(reader.read(TIMEOUT).sessions()).isNotEmpty();
        }
    }

    @Test
    void aServerThatStopsAnsweringFailsTheReadInsteadOfHangingIt() throws Exception {
        assumeFalse(EmbeddedPostgresServer.runningAsRoot(), "PostgreSQL refuses to run as root; CI runs this as an ordinary user");
        try (PrivatePostgres server = PrivatePostgres.start(dir.resolve("frozen"));
             ServerReader reader = new ServerReader(server.endpoint("postgres"))) {
            reader.read(TIMEOUT);
            String backend = Sql.single(server.endpoint("postgres"), "select pid from pg_stat_activity where application_name = '"
                    + ServerReader.APPLICATION + "'");
            // the reader's server process stopped dead: no statement timeout can fire, only the network timeout
            signalProcess("STOP", backend);
            try {
                Duration timeout = Duration.ofSeconds(1);
                long started = System.nanoTime();
                assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(30), () -> reader.read(timeout)))
                        .isInstanceOf(SQLException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            } finally {
                signalProcess("CONT", backend);
            }
            assertThat(reader.read(TIMEOUT).takenAt()).as("the next read connects again").isNotNull();
        }
    }

    private static void signalProcess(String signal, String pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    @Test
    void theCommitRateOverAWindowAddsUpToTheCommitsMade() throws Exception {
        PostgresEndpoint fresh = TestPostgres.endpoint(pg.freshDatabase());
        int made = 2_000;
        try (ServerReader reader = new ServerReader(fresh)) {
            ActivitySnapshot before = reader.read(TIMEOUT);
            try (Connection c = fresh.connect("sp-committer"); Statement s = c.createStatement()) {
                for (int i = 0; i < made; i++) {
                    s.execute("select 1");
                }
            } // a backend's statistics reach pg_stat_database at latest when it ends
            ActivitySnapshot[] after = new ActivitySnapshot[1];
            Await.until(Duration.ofSeconds(15), "the commits to be counted", () -> {
                try {
                    after[0] = reader.read(TIMEOUT);
                    return after[0].counters().commits() - before.counters().commits() >= made;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            ServerRates rates = ServerRates.between(before, after[0]);
            double counted = rates.commits() * rates.elapsed().toNanos() / 1e9;
            // the reader's own reads commit too: a few, against 2,000
            assertThat(counted).isBetween(made * 1.0, made * 1.05);
            assertThat(rates.cacheHitRatio()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void anOrdinaryRoleSeesItsOwnQueriesAndIsToldWhichGrantShowsTheRest() throws Exception {
        PostgresEndpoint plain = plainRole();
        try (Connection other = db.connect("sp-someone-else"); Connection own = plain.connect("sp-own");
             ServerReader reader = new ServerReader(plain)) {
            Sql.execute(other, "select 'secret ' || 1");
            Sql.execute(own, "select 'mine ' || 1");
            ActivitySnapshot snapshot = reader.read(TIMEOUT);
            assertThat(snapshot.seesAllQueries()).isFalse();
            assertThat(snapshot.ofApplication("sp-someone-else")).singleElement().satisfies(s -> {
                assertThat(s.query()).isNull();
                assertThat(s.own()).isFalse();
            });
            assertThat(snapshot.ofApplication("sp-own")).singleElement().extracting(BackendSession::query).isEqualTo("select 'mine ' || 1");
            assertThat(snapshot.hiddenQueriesNote()).contains("GRANT pg_read_all_stats TO sp_plain");
            assertThatThrownBy(() -> reader.signal(session(reader, pid(other)), BackendSignal.CANCEL, TIMEOUT)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"))
                    .hasMessageContaining("pg_signal_backend");
            assertThat(snapshot.statements().unavailable()).isEqualTo(StatementsAvailability.NOT_INSTALLED);
        }
    }

    @Test
    void anOrdinaryRoleSeesAnotherRolesLockWaitAndWhoItWaitsOn() throws Exception {
        PostgresEndpoint plain = plainRole();
        try (ServerReader reader = new ServerReader(plain);
             Connection holder = db.connect("sp-hidden-holder");
             Connection waiter = db.connect("sp-hidden-waiter")) {
            int holderPid = pid(holder);
            int waiterPid = pid(waiter);
            CompletableFuture<Void> waiting = RowLockWait.on(holder, waiter, 2, "update inventory set stock = stock + 1 where product_id = 2");
            try {
                Await.until(Duration.ofSeconds(10), "the second update to wait on the first", () -> {
                    try {
                        BackendSession s = session(reader, waiterPid);
                        return s != null && s.state() == SessionState.WAITING_ON_LOCK;
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                ActivitySnapshot snapshot = reader.read(TIMEOUT);
                BackendSession seen = snapshot.sessions().stream().filter(s -> s.pid() == waiterPid).findFirst().orElseThrow();
                assertThat(seen.query()).as("hidden from this role").isNull();
                assertThat(seen.waitEventType()).as("hidden from this role").isNull();
                assertThat(seen.blockedBy()).containsExactly(holderPid);
                assertThat(seen.waitText()).isEqualTo("Lock: transactionid");
                assertThat(snapshot.topWaits(3)).extracting(java.util.Map.Entry::getKey).contains("Lock: transactionid");
                assertThat(BlockingChains.of(snapshot.sessions())).singleElement()
                        .satisfies(root -> assertThat(root.session().pid()).isEqualTo(holderPid));
                assertThat(snapshot.hiddenQueriesNote()).contains("states and wait events");
            } finally {
                holder.rollback();
                waiting.get(10, TimeUnit.SECONDS);
            }
        }
    }

    private static PostgresEndpoint plainRole() throws SQLException {
        Sql.execute(db, "do $$ begin if not exists (select 1 from pg_roles where rolname = 'sp_plain') then "
                + "create role sp_plain login; end if; end $$");
        Sql.execute(db, "grant connect on database " + pg.database() + " to sp_plain");
        PostgresSettings settings = pg.settings();
        return TestPostgres.endpoint(new PostgresSettings(settings.host(), settings.port(), settings.database(),
                "sp_plain", settings.sslMode(), null, null, settings.password()));
    }

    @Test
    void withPgStatStatementsLoadedPlaceOrderIsATopStatementWithItsCalls() throws Exception {
        assumeFalse(EmbeddedPostgresServer.runningAsRoot(), "PostgreSQL refuses to run as root; CI runs this as an ordinary user");
        try (PrivatePostgres server = PrivatePostgres.start(dir, "shared_preload_libraries=pg_stat_statements")) {
            Sql.execute(server.endpoint("postgres"), "create database shop");
            PostgresEndpoint shop = server.endpoint("shop");
            new dev.snowpulse.schema.SchemaService(shop).initialize(e -> { });
            try (ServerReader reader = new ServerReader(shop)) {
                assertThat(reader.read(TIMEOUT).statements().unavailable()).as("not created yet")
                        .isEqualTo(StatementsAvailability.NOT_INSTALLED);
            }
            // in a schema off the search path, as an administrator may keep it
            Sql.execute(shop, "create schema monitoring");
            Sql.execute(shop, "create extension pg_stat_statements schema monitoring");
            Sql.execute(shop, "create role sp_second login");
            PostgresSettings owner = server.settings("shop");
            PostgresEndpoint second = TestPostgres.endpoint(new PostgresSettings(owner.host(), owner.port(), owner.database(),
                    "sp_second", owner.sslMode(), null, null, owner.password()));
            try (ServerReader reader = new ServerReader(shop)) {
                StatementWindow window = new StatementWindow(StatementWindow.MINUTE);
                add(window, reader.read(TIMEOUT));
                try (Connection c = shop.connect("sp-orders"); Connection other = second.connect("sp-other-role")) {
                    for (int i = 0; i < 25; i++) {
                        Sql.execute(c, "select place_order(1, 1, 1)");
                    }
                    for (int i = 0; i < 10; i++) {
                        Sql.execute(c, "select abs(-" + i + ")");
                        Sql.execute(other, "select abs(-" + i + ")");
                    }
                }
                ActivitySnapshot read = reader.read(TIMEOUT);
                assertThat(read.statements().available()).as(read.statements().unavailable()).isTrue();
                add(window, read);
                assertThat(window.deltas(20)).filteredOn(s -> s.query().contains("place_order")).singleElement()
                        .satisfies(s -> {
                            assertThat(s.calls()).isEqualTo(25);
                            assertThat(s.meanMillis()).isPositive();
                        });
                assertThat(window.deltas(20)).as("one row for the statement both roles ran")
                        .filteredOn(s -> s.query().contains("abs(")).singleElement().extracting(StatementStats::calls).isEqualTo(20L);

                Sql.execute(shop, "select monitoring.pg_stat_statements_reset()");
                add(window, reader.read(TIMEOUT));
                assertThat(window.covered()).as("a reset starts the minute again").isZero();
                try (Connection c = shop.connect("sp-orders")) {
                    for (int i = 0; i < 25; i++) {
                        Sql.execute(c, "select abs(-" + i + ")");
                    }
                }
                add(window, reader.read(TIMEOUT));
                assertThat(window.deltas(20)).filteredOn(s -> s.query().contains("abs(")).singleElement()
                        .extracting(StatementStats::calls).as("the calls since the reset, not their difference with before it").isEqualTo(25L);
            }
        }
    }

    private static void add(StatementWindow window, ActivitySnapshot read) {
        window.add(read.takenAt(), read.statements().statsReset(), read.statements().rows());
    }
}
