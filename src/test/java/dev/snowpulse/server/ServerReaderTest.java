package dev.snowpulse.server;

import dev.snowpulse.db.EmbeddedPostgresServer;
import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.testing.Await;
import dev.snowpulse.testing.PrivatePostgres;
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
            holder.setAutoCommit(false);
            Sql.execute(holder, "update inventory set stock = stock where product_id = 1");
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try {
                    Sql.execute(waiter, "update inventory set stock = stock + 1 where product_id = 1");
                } catch (SQLException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
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

            assertThat(reader.signal(waiterPid, BackendSignal.CANCEL, TIMEOUT)).isTrue();
            assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .rootCause().isInstanceOf(SQLException.class).satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
            holder.rollback();
        }
    }

    @Test
    void terminateEndsTheSessionAndAGoneSessionIsSaidSo() throws Exception {
        try (ServerReader reader = new ServerReader(db); Connection victim = db.connect("sp-victim")) {
            int victimPid = pid(victim);
            assertThat(reader.signal(victimPid, BackendSignal.TERMINATE, TIMEOUT)).isTrue();
            assertThatThrownBy(() -> Sql.single(victim, "select 1")).isInstanceOf(SQLException.class);
            Await.until(Duration.ofSeconds(10), "the session to end", () -> {
                try {
                    return session(reader, victimPid) == null;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(reader.signal(victimPid, BackendSignal.TERMINATE, TIMEOUT)).as("no such session any more").isFalse();
        }
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
        Sql.execute(db, "do $$ begin if not exists (select 1 from pg_roles where rolname = 'sp_plain') then "
                + "create role sp_plain login; end if; end $$");
        Sql.execute(db, "grant connect on database " + pg.database() + " to sp_plain");
        PostgresSettings settings = pg.settings();
        PostgresEndpoint plain = TestPostgres.endpoint(new PostgresSettings(settings.host(), settings.port(), settings.database(),
                "sp_plain", settings.sslMode(), null, null, settings.password()));
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
            assertThatThrownBy(() -> reader.signal(pid(other), BackendSignal.CANCEL, TIMEOUT)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"))
                    .hasMessageContaining("pg_signal_backend");
            assertThat(snapshot.statements().unavailable()).isEqualTo(StatementsAvailability.NOT_INSTALLED);
        }
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
            Sql.execute(shop, "create extension pg_stat_statements");
            try (ServerReader reader = new ServerReader(shop)) {
                StatementWindow window = new StatementWindow(StatementWindow.MINUTE);
                ActivitySnapshot first = reader.read(TIMEOUT);
                window.add(first.takenAt(), first.statements().rows());
                try (Connection c = shop.connect("sp-orders")) {
                    for (int i = 0; i < 25; i++) {
                        Sql.execute(c, "select place_order(1, 1, 1)");
                    }
                }
                ActivitySnapshot second = reader.read(TIMEOUT);
                assertThat(second.statements().available()).isTrue();
                window.add(second.takenAt(), second.statements().rows());
                assertThat(window.deltas(20)).filteredOn(s -> s.query().contains("place_order")).singleElement()
                        .satisfies(s -> {
                            assertThat(s.calls()).isEqualTo(25);
                            assertThat(s.meanMillis()).isPositive();
                        });
            }
        }
    }
}
