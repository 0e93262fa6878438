package dev.snowpulse.server.pooler;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.profile.Pooler;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.SslMode;
import dev.snowpulse.profile.secret.Secret;
import dev.snowpulse.server.ActivitySnapshot;
import dev.snowpulse.server.BackendSession;
import dev.snowpulse.server.ServerReader;
import dev.snowpulse.server.SessionState;
import dev.snowpulse.testing.Await;
import dev.snowpulse.testing.CliRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snowpulse.testing.TestPgBouncer;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a real PgBouncer says of itself on its admin console, read the way the Server tab and {@code snowpulse top}
 * read it: clients waiting for the few server connections of a transaction pool, a role the console refuses, and
 * the logins PgBouncer asks for (MD5, SCRAM-SHA-256).
 */
class PoolerViewTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path dir;

    @BeforeAll
    static void needsPgBouncer() {
        assumeTrue(TestPgBouncer.available(), "PgBouncer refuses to run as root and must be installed; CI runs this as an ordinary user");
    }

    private static PostgresEndpoint through(TestPgBouncer bouncer, String user, String password) {
        return new PostgresEndpoint(new PostgresSettings(TestPostgres.HOST, bouncer.port(), pg.database(), user, SslMode.DISABLE,
                null, "snowpulse-test", SecretRef.of(SecretSource.NONE), Pooler.TRANSACTION),
                Optional.ofNullable(password).map(Secret::new));
    }

    @Test
    void clientsWaitingForTheTwoServerConnectionsAreCountedAndTheSessionsAreThoseConnections() throws Exception {
        try (TestPgBouncer bouncer = TestPgBouncer.startWithConsole(dir, 2, "trust", TestPostgres.USER, "");
             PoolerWatch watch = new PoolerWatch(through(bouncer, TestPostgres.USER, null))) {
            PostgresEndpoint pooled = through(bouncer, TestPostgres.USER, null);
            try (Connection first = pooled.connect(); Connection second = pooled.connect()) {
                holdAServerConnection(first);
                holdAServerConnection(second);
                CompletableFuture<Void> third = CompletableFuture.runAsync(() -> {
                    try (Connection c = pooled.connect(); Statement s = c.createStatement()) {
                        s.execute("select 1");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Await.until(Duration.ofSeconds(10), "a third client waiting for a server connection",
                        () -> countsOf(watch).clientsWaiting() == 1);
                PoolCounts busy = countsOf(watch);
                assertThat(busy.clientsActive()).isEqualTo(2);
                assertThat(busy.serversActive()).isEqualTo(2);
                assertThat(busy.poolSize()).isEqualTo(2);
                assertThat(busy.poolMode()).isEqualTo("transaction");
                assertThat(watch.read(TIMEOUT).summary()).contains("3 clients (1 waiting for a server connection")
                        .contains("share 2 server connections of a pool of 2");
                assertThat(third).isNotDone();

                first.commit();
                second.commit();
                third.get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
            Await.until(Duration.ofSeconds(10), "no client waiting", () -> countsOf(watch).clientsWaiting() == 0);
            assertThat(countsOf(watch).servers()).isEqualTo(2);

            // the Server tab's read through the same pooler: the two server connections, the pooler's own counts beside them
            try (ServerReader reader = new ServerReader(pooled)) {
                ActivitySnapshot snapshot = reader.read(TIMEOUT);
                assertThat(snapshot.pooler().counts()).isNotNull();
                assertThat(snapshot.pooler().summary()).contains("the sessions listed are the pooler's server connections");
                List<BackendSession> sessions = snapshot.sessions();
                // the reader's own transaction took one of the two; the other is idle in the pool
                assertThat(sessions).hasSize(1).allMatch(s -> s.state() == SessionState.IDLE);
            }
        }
    }

    private static void holdAServerConnection(Connection c) throws Exception {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("select 1");
        }
    }

    private static PoolCounts countsOf(PoolerWatch watch) {
        PoolerView view = watch.read(TIMEOUT);
        assertThat(view.unavailable()).as("the console's answer").isNull();
        return view.counts();
    }

    @Test
    void aRoleTheConsoleRefusesIsToldWhichSettingLetsItInAndTheServerIsReadAnyway() throws Exception {
        try (TestPgBouncer bouncer = TestPgBouncer.startWithConsole(dir, 5, "trust", "someone_else", "");
             ServerReader reader = new ServerReader(through(bouncer, TestPostgres.USER, null))) {
            ActivitySnapshot snapshot = reader.read(TIMEOUT);
            assertThat(snapshot.pooler().counts()).isNull();
            assertThat(snapshot.pooler().summary()).contains("the sessions listed are the pooler's server connections")
                    .contains("refused " + TestPostgres.USER).contains("stats_users");
            assertThat(snapshot.counters().commits()).isPositive();
        }
    }

    @Test
    void topThroughThePoolerPrintsItsCountsBesideTheServerConnections(@TempDir Path home) throws Exception {
        try (TestPgBouncer bouncer = TestPgBouncer.startWithConsole(dir, 3, "trust", TestPostgres.USER, "")) {
            CliRunner cli = new CliRunner(home);
            CliRunner.Run added = cli.run("profiles", "add", "pooled", "--env", "dev", "--host", TestPostgres.HOST, "--port",
                    Integer.toString(bouncer.port()), "--database", pg.database(), "--user", TestPostgres.USER,
                    "--password-source", "none", "--pooler", "transaction");
            assertThat(added.exit()).as(added.err()).isZero();
            CliRunner.Run top = cli.run("--profile", "pooled", "top", "--count", "1", "--format", "json");
            assertThat(top.exit()).as(top.err()).isZero();
            JsonNode tables = new ObjectMapper().readTree(top.out());
            assertThat(tables).extracting(t -> t.get("title").asText()).containsExactly("Server", "Sessions", "Pooler");
            JsonNode pooler = tables.get(2).get("rows").get(0);
            assertThat(pooler.get("pool_mode").asText()).isEqualTo("transaction");
            assertThat(pooler.get("pool_size").asInt()).isEqualTo(3);
            // top's own read is the one client with a server connection when the console is asked
            assertThat(pooler.get("clients_active").asInt()).isEqualTo(1);
            assertThat(pooler.get("clients_waiting").asInt()).isZero();

            CliRunner.Run table = cli.run("--profile", "pooled", "top", "--count", "1");
            assertThat(table.out()).contains("=== Pooler ===").contains("pooler: Through PgBouncer (transaction pooling): 1 client (none waiting) uses 1 server connection of a pool of 3");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"md5", "scram-sha-256"})
    void theConsoleLogsInWithThePasswordPgBouncerAsksForAndRefusesAWrongOne(String authType) throws Exception {
        try (TestPgBouncer bouncer = TestPgBouncer.startWithConsole(dir, 5, authType, "watcher", "s3cret-Pa55")) {
            PostgresSettings settings = through(bouncer, "watcher", null).settings();
            try (PgBouncerConsole console = PgBouncerConsole.open(settings, Optional.of(new Secret("s3cret-Pa55")), TIMEOUT)) {
                List<Map<String, String>> pools = console.show("POOLS");
                assertThat(pools).extracting(row -> row.get("database")).contains(PgBouncerConsole.DATABASE);
                assertThat(pools.getFirst()).containsKeys("cl_active", "cl_waiting", "sv_active", "sv_idle", "maxwait");
            }
            ConsoleRefusal wrong = catchThrowableOfType(ConsoleRefusal.class,
                    () -> PgBouncerConsole.open(settings, Optional.of(new Secret("wrong")), TIMEOUT));
            assertThat(wrong.getMessage()).contains("authentication failed");
            assertThat(wrong.getMessage()).doesNotContain("wrong");
            assertThat(Files.readString(bouncer.log())).doesNotContain("s3cret-Pa55");
        }
    }
}
