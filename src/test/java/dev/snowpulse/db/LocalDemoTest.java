package dev.snowpulse.db;

import dev.snowpulse.app.AppDirectories;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.app.HostEnvironment;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.store.ProfileCatalog;
import dev.snowpulse.profile.store.ProfileStore;
import dev.snowpulse.testing.TestHosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Local demo for real. The embedded PostgreSQL can only start as an ordinary user (CI runs the suite as one);
 * as root the test checks the explanation instead.
 */
class LocalDemoTest {

    @TempDir
    Path home;

    private ConnectionProfile localDemo(HostEnvironment host) {
        return new ProfileCatalog(ProfileStore.open(AppDirectories.of(host).profilesFile()), host).localDemo();
    }

    @Test
    void usesAPostgresThatAlreadyAnswersOnThisMachine() throws IOException {
        HostEnvironment host = TestHosts.linux(home, Map.of("SNOWPULSE_LOCAL_DEMO", "auto"));
        try (LocalDemo demo = new LocalDemo(LocalDemoMode.AUTO, AppDirectories.of(host))) {
            ConnectionProfile resolved = demo.resolve(localDemo(host));
            assertThat(resolved).isEqualTo(localDemo(host));
            assertThat(demo.embeddedDescription()).isNull();
        }
    }

    @Test
    void externalModeNeverStartsOneAndSaysWhy() throws IOException {
        HostEnvironment host = TestHosts.linux(home, Map.of("PGPORT", Integer.toString(TestHosts.closedPort())));
        try (LocalDemo demo = new LocalDemo(LocalDemoMode.EXTERNAL, AppDirectories.of(host))) {
            assertThatThrownBy(() -> demo.resolve(localDemo(host))).hasMessageContaining("nothing answers on")
                    .hasMessageContaining("SNOWPULSE_LOCAL_DEMO=external");
        }
    }

    @Test
    void asRootTheEmbeddedServerIsRefusedWithWhatToDo() {
        assumeTrue(EmbeddedPostgresServer.runningAsRoot(), "runs only as root");
        HostEnvironment host = TestHosts.linux(home);
        try (LocalDemo demo = new LocalDemo(LocalDemoMode.EMBEDDED, AppDirectories.of(host))) {
            assertThatThrownBy(() -> demo.resolve(localDemo(host)))
                    .hasMessageContaining("PostgreSQL refuses to run as root")
                    .hasMessageContaining("Start SnowPulse as an ordinary user");
        }
    }

    @Test
    void theEmbeddedServerStartsKeepsItsDataAcrossRestartsAndStops() throws Exception {
        assumeFalse(EmbeddedPostgresServer.runningAsRoot(), "PostgreSQL refuses to run as root; CI runs this as an ordinary user");
        HostEnvironment host = TestHosts.linux(home);
        AppDirectories directories = AppDirectories.of(host);
        ConnectionService service;
        int firstPort;
        try (LocalDemo demo = new LocalDemo(LocalDemoMode.EMBEDDED, directories)) {
            ConnectionProfile resolved = demo.resolve(localDemo(host));
            PostgresSettings pg = (PostgresSettings) resolved.connection();
            firstPort = pg.port();
            assertThat(demo.embeddedDescription()).contains(directories.embeddedPostgresDir().toString());
            ConnectionCheck check = new ConnectionTester().test(pg, Optional.empty(), Duration.ofSeconds(10));
            assertThat(check.ok()).as(check.message()).isTrue();
            execute(pg, "create table kept(v text); insert into kept values ('survives a restart')");
        }
        assertThat(LocalDemo.answers("127.0.0.1", firstPort)).as("stopped when closed").isFalse();

        try (LocalDemo again = new LocalDemo(LocalDemoMode.EMBEDDED, directories)) {
            PostgresSettings pg = (PostgresSettings) again.resolve(localDemo(host)).connection();
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.port() + "/postgres?user=postgres");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("survives a restart");
            }
        }
    }

    private static void execute(PostgresSettings pg, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.port() + "/postgres?user=postgres");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
