package dev.snowpulse.cli;

import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.SslMode;
import dev.snowpulse.testing.CliRunner;
import dev.snowpulse.testing.CliRunner.Run;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command that reaches a database says the same thing when it cannot: the host, the setting, what to check;
 * and a command that achieved nothing of what it was asked exits 1 with the reason.
 */
class CliFailureMessagesTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path home;

    private Run run(String... args) {
        return new CliRunner(home).run(args);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void profile(String name, PostgresSettings db) {
        assertThat(new CliRunner(home).addProfile(name, "dev", db).exit()).isZero();
    }

    private static PostgresSettings with(PostgresSettings s, int port, String database, String user) {
        return new PostgresSettings(s.host(), port, database, user, SslMode.DISABLE, null, "snowpulse-test", SecretRef.of(SecretSource.NONE));
    }

    @Test
    void everyCommandOnAClosedPortNamesTheHostAndWhatToCheck() throws Exception {
        int port = closedPort();
        profile("closed", with(pg.settings(), port, "postgres", "postgres"));

        for (String[] command : new String[][]{{"kpis"}, {"workload", "--orders-per-worker", "1"}, {"init"}, {"queries"},
                {"workload", "history"}, {"ingest", "--batches", "1", "--interval", "10ms"}, {"pipeline", "deploy"},
                {"pipeline", "status"}, {"kpis", "--watch", "1", "--count", "1"}}) {
            String[] args = new String[command.length + 2];
            args[0] = "--profile";
            args[1] = "closed";
            System.arraycopy(command, 0, args, 2, command.length);
            Run run = run(args);
            assertThat(run.exit()).as(String.join(" ", command) + ": " + run.err()).isEqualTo(1);
            assertThat(run.out() + run.err()).as(String.join(" ", command))
                    .contains("nothing accepted a connection on 127.0.0.1:" + port).contains("check the host and port settings")
                    .doesNotContain("postmaster");
        }
    }

    @Test
    void initOnAMissingDatabaseNamesTheSetting() {
        profile("gone", with(pg.settings(), pg.settings().port(), "no_such_database_here", pg.settings().user()));

        Run run = run("--profile", "gone", "init");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("database 'no_such_database_here' does not exist on").contains("check the database setting")
                .doesNotContain("FATAL");
    }

    @Test
    void aWatchWhoseEveryRefreshFailedExitsOne() {
        profile("nobody", with(pg.settings(), pg.settings().port(), pg.database(), "no_such_role_here"));

        Run run = run("--profile", "nobody", "kpis", "--watch", "1", "--count", "2");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("refused user 'no_such_role_here'").contains("no refresh succeeded");

        Run deploy = run("--profile", "nobody", "pipeline", "deploy");
        assertThat(deploy.exit()).isEqualTo(1);
        assertThat(deploy.err()).contains("refused user 'no_such_role_here'").doesNotContain("NullPointer").doesNotContain("null");
    }

    @Test
    void anIngestOnADatabaseWithoutTheSchemaExitsOneAndSaysToInitialiseIt() throws Exception {
        profile("empty", pg.freshDatabase());

        Run run = run("--profile", "empty", "ingest", "--batches", "1", "--interval", "10ms", "--batch-size", "3");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no order succeeded").contains("run `snowpulse init`");
    }

    @Test
    void aWorkloadOnADatabaseWithoutTheSchemaIsRefusedBeforeItStarts() throws Exception {
        profile("empty", pg.freshDatabase());

        Run run = run("--profile", "empty", "workload");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no SnowPulse schema").contains("run `snowpulse init`");
    }

    @Test
    void idsBeyondTheDatabasesAreWarnedAboutAndAWorkloadWithNoSuccessExitsOne() throws Exception {
        profile("shop", pg.freshDatabase());
        assertThat(run("--profile", "shop", "init").exit()).isZero();

        Run beyond = run("--profile", "shop", "workload", "--workers", "1", "--orders-per-worker", "200", "--max-customers", "50");
        assertThat(beyond.exit()).as(beyond.err()).isZero();
        assertThat(beyond.err()).contains("warning: customer ids go up to 10 but the run picks 1..50").contains("--max-customers to 10");
        assertThat(beyond.out()).containsPattern("initial connection time: [0-9.]+ ms");

        Run soldOut = run("--profile", "shop", "workload", "--workers", "1", "--orders-per-worker", "5", "--max-products", "1",
                "--min-quantity", "1000", "--max-quantity", "1000");
        assertThat(soldOut.exit()).isEqualTo(1);
        assertThat(soldOut.err()).contains("no order succeeded: every product ordered was out of stock").contains("--stock")
                .as("said before the run").containsPattern("warning: the products it picks hold \\d+ units in stock and this run may order up to 5,000");
    }

    @Test
    void aFileInAMissingFolderSaysSo() {
        Run run = run("profiles", "export", "no/such/dir/x.json");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("does not exist").contains("no/such/dir");
    }
}
