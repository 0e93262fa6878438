package dev.snowpulse.ui.server;

import dev.snowpulse.AppServices;
import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.Environment;
import dev.snowpulse.profile.EnvironmentKind;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.server.BackendSession;
import dev.snowpulse.server.BackendSignal;
import dev.snowpulse.server.ServerReader;
import dev.snowpulse.server.SessionState;
import dev.snowpulse.db.EmbeddedPostgresServer;
import dev.snowpulse.testing.DirectBackground;
import dev.snowpulse.testing.HeldBackground;
import dev.snowpulse.testing.PrivatePostgres;
import dev.snowpulse.testing.InMemoryKeychain;
import dev.snowpulse.testing.ManualTicker;
import dev.snowpulse.testing.Sql;
import dev.snowpulse.testing.TestHosts;
import dev.snowpulse.testing.TestPostgres;
import dev.snowpulse.ui.common.Background;
import dev.snowpulse.ui.common.ConnectionChecks;
import dev.snowpulse.ui.common.RefreshInterval;
import dev.snowpulse.ui.common.ShellViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The Server tab's model on a real PostgreSQL: sessions and filters, rates, stale values and recovery, guarded signals. */
class ServerViewModelTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path home;

    private AppServices services;
    private ShellViewModel shell;
    private final List<ManualTicker> tickers = new ArrayList<>();

    @AfterEach
    void close() {
        if (services != null) {
            services.close();
        }
    }

    private ServerViewModel model(PostgresSettings database, EnvironmentKind kind, String name) {
        return model(database, kind, name, new DirectBackground());
    }

    private ServerViewModel model(PostgresSettings database, EnvironmentKind kind, String name, Background background) {
        services = AppServices.create(TestHosts.linux(home), new InMemoryKeychain(false));
        shell = new ShellViewModel(new ConnectionChecks(services.connections(), services.secrets().session(), new DirectBackground()));
        shell.connect(new ConnectionProfile(name, Environment.of(kind), database));
        return new ServerViewModel(shell, services.connections(), services.prodGuard(), background, period -> {
            ManualTicker ticker = new ManualTicker();
            tickers.add(ticker);
            return ticker;
        });
    }

    private static int pid(Connection c) throws SQLException {
        return Integer.parseInt(Sql.single(c, "select pg_backend_pid()"));
    }

    @Test
    void showsTheSessionsOfAnApplicationAndOfThisWindowsRunAndChartsRatesFromTheSecondRead() throws Exception {
        PostgresSettings db = pg.freshDatabase();
        ServerViewModel model = model(db, EnvironmentKind.DEV, "shop");
        try (Connection run = TestPostgres.endpoint(db).connect("snowpulse-workload-abc12345");
             Connection other = TestPostgres.endpoint(db).connect("psql")) {
            model.activate();
            assertThat(model.sessions()).extracting(BackendSession::application).contains("snowpulse-workload-abc12345", "psql")
                    .doesNotContain(ServerReader.APPLICATION);
            assertThat(model.samples()).as("a rate needs two reads").isEmpty();

            model.showThisRun();
            assertThat(model.messageProperty().get()).startsWith("No workload run started in this window yet");
            shell.runStarted("snowpulse-workload-abc12345");
            model.showThisRun();
            assertThat(model.sessions()).singleElement().extracting(BackendSession::pid).isEqualTo(pid(run));

            tickers.getLast().tick(1);
            assertThat(model.samples()).singleElement().satisfies(s -> {
                assertThat(s.rates().commits()).isNotNull().isGreaterThanOrEqualTo(0);
                assertThat(s.sessions().get(SessionState.IDLE)).isEqualTo(2);
            });
            assertThat(model.updatedProperty().get()).contains("2 other sessions in this database");
            assertThat(model.statementsNoteProperty().get()).contains("CREATE EXTENSION pg_stat_statements");
        }
    }

    @Test
    void aProfileChosenWhileAReadRunsIsReadAsSoonAsThatReadEnds() throws Exception {
        PostgresSettings first = pg.freshDatabase();
        PostgresSettings second = pg.freshDatabase();
        HeldBackground background = new HeldBackground();
        ServerViewModel model = model(first, EnvironmentKind.DEV, "first", background);
        model.intervalProperty().set(RefreshInterval.OFF);
        try (Connection there = TestPostgres.endpoint(second).connect("sp-in-the-second")) {
            model.activate();
            assertThat(background.waiting()).isEqualTo(1);
            shell.connect(new ConnectionProfile("second", Environment.of(EnvironmentKind.DEV), second));
            assertThat(background.waiting()).as("never two reads at once").isEqualTo(1);

            background.releaseOne();
            assertThat(model.snapshotProperty().get()).as("the first profile's result is not shown").isNull();
            assertThat(background.waiting()).as("the new profile's read, without waiting for a tick").isEqualTo(1);
            background.releaseOne();
            assertThat(model.sessions()).extracting(BackendSession::application).containsExactly("sp-in-the-second");
        }
    }

    @Test
    void aFailedReadKeepsTheLastValuesMarkedStaleAndTheNextOneRecovers() throws Exception {
        PostgresSettings db = pg.freshDatabase();
        ServerViewModel model = model(db, EnvironmentKind.DEV, "shop");
        model.intervalProperty().set(RefreshInterval.S1);
        model.activate();
        var good = model.snapshotProperty().get();
        // the server ends the tab's own session, as a restart would
        Sql.execute(TestPostgres.endpoint(db), "select pg_terminate_backend(pid) from pg_stat_activity where application_name = '"
                + ServerReader.APPLICATION + "'");
        tickers.getLast().tick(1);
        assertThat(model.staleProperty().get()).isTrue();
        assertThat(model.errorProperty().get()).startsWith("Showing values from ").contains("the last read failed").endsWith("Retrying every 1 s.");
        assertThat(model.snapshotProperty().get()).isSameAs(good);

        tickers.getLast().tick(1);
        assertThat(model.staleProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.snapshotProperty().get()).isNotSameAs(good);
    }

    @Test
    void aServerRestartedUnderTheTabIsStaleThenBackByItself() throws Exception {
        assumeFalse(EmbeddedPostgresServer.runningAsRoot(), "PostgreSQL refuses to run as root; CI runs this as an ordinary user");
        try (PrivatePostgres server = PrivatePostgres.start(home.resolve("pg"))) {
            ServerViewModel model = model(server.settings("postgres"), EnvironmentKind.DEV, "own-server");
            model.activate();
            assertThat(model.snapshotProperty().get()).isNotNull();

            server.stop();
            tickers.getLast().tick(1);
            assertThat(model.staleProperty().get()).isTrue();
            assertThat(model.errorProperty().get()).contains("the last read failed");

            server.start();
            tickers.getLast().tick(1);
            assertThat(model.staleProperty().get()).isFalse();
            assertThat(model.errorProperty().get()).isEmpty();
        }
    }

    @Test
    void cancellingOnProdNeedsTheProfilesNameAndShowsTheQueryFirst() throws Exception {
        PostgresSettings db = pg.freshDatabase();
        ServerViewModel model = model(db, EnvironmentKind.PROD, "orders-prod");
        try (Connection busy = TestPostgres.endpoint(db).connect("sp-busy")) {
            busy.setAutoCommit(false);
            Sql.execute(busy, "select 42");
            model.activate();
            BackendSession session = model.sessions().stream().filter(s -> "sp-busy".equals(s.application())).findFirst().orElseThrow();
            assertThat(ServerViewModel.confirmation(BackendSignal.TERMINATE, session)).startsWith("Terminate session " + pid(busy))
                    .contains("sp-busy").endsWith("select 42");
            assertThat(model.needsProdConfirmation()).isTrue();

            model.signal(session, BackendSignal.TERMINATE, "orders");
            assertThat(model.messageProperty().get()).contains("orders-prod");
            assertThat(Sql.single(busy, "select 1")).as("still alive").isEqualTo("1");

            model.signal(session, BackendSignal.TERMINATE, "orders-prod");
            assertThat(model.messageProperty().get()).isEqualTo("Asked session " + session.pid() + " to end.");
            assertThatThrownBy(() -> Sql.single(busy, "select 1")).isInstanceOf(SQLException.class);
        }
    }
}
