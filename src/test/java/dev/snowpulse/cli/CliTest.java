package dev.snowpulse.cli;

import dev.snowpulse.testing.CliRunner;
import dev.snowpulse.testing.CliRunner.Run;
import dev.snowpulse.testing.TestHosts;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path home;

    private final Map<String, String> variables = new HashMap<>();

    private CliRunner cli() {
        CliRunner runner = new CliRunner(home);
        variables.forEach(runner::variable);
        return runner;
    }


    private Run run(String... args) {
        return cli().run(args);
    }

    @Test
    void helpAndVersionExitZero() {
        Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: snowpulse").contains("profiles").contains("Exit codes");

        assertThat(run("profiles", "--help").out()).contains("import-snowflake").contains("import-env").contains("test");
        Run version = run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("SnowPulse ");
    }

    @Test
    void usageErrorsExitTwoWithAMessageOnStderr() {
        Run unknown = run("frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("frobnicate").contains("--help");
        assertThat(unknown.out()).isEmpty();

        assertThat(run("profiles", "add").exit()).isEqualTo(2);
        Run noUser = run("profiles", "add", "x", "--host", "127.0.0.1", "--database", "shop");
        assertThat(noUser.exit()).as("no user taken from the OS account, as the form takes none").isEqualTo(2);
        assertThat(noUser.err()).contains("--user: required");
        Run badPort = run("profiles", "add", "x", "--host", "h", "--database", "d", "--user", "u", "--port", "70000");
        assertThat(badPort.exit()).isEqualTo(2);
        assertThat(badPort.err()).contains("port: 70000 is outside 1..65535");
        assertThat(run("profiles", "add", "x", "--uri", "mysql://h/db").err()).contains("must start with postgres://");
        assertThat(run("profiles", "list", "--format", "yaml").exit()).isEqualTo(2);
        assertThat(run("profiles", "test", "--timeout", "soon").err()).contains("--timeout: 'soon' is not a duration");
    }

    @Test
    void addListShowTestAndRemoveAProfile() {
        Run add = run("profiles", "add", "shop", "--host", TestPostgres.HOST, "--port", Integer.toString(TestPostgres.PORT),
                "--database", pg.database(), "--user", TestPostgres.USER, "--password-source", "none", "--env", "staging");
        assertThat(add.exit()).as(add.err()).isZero();

        Run list = run("profiles", "list");
        assertThat(list.out()).contains("Local demo (built in)").containsPattern("shop\\s+staging\\s+Postgres");

        Run test = run("--profile", "shop", "profiles", "test");
        assertThat(test.exit()).as(test.err()).isZero();
        assertThat(test.out()).containsPattern("ok  shop  .* PostgreSQL \\d+");

        assertThat(run("profiles", "show", "--profile", "shop").out()).as("--profile after the subcommand, too")
                .isEqualTo(run("--profile", "shop", "profiles", "show").out()).contains("shop");
        Run show = run("profiles", "show", "shop");
        assertThat(show.out()).contains("database          " + pg.database()).contains("secret source     none");

        assertThat(run("profiles", "remove", "shop").exit()).isZero();
        assertThat(run("profiles", "show", "shop").err()).contains("no profile called 'shop'");
    }

    @Test
    void aFailedConnectionExitsOneAndNamesTheSetting() throws IOException {
        run("profiles", "add", "down", "--host", "127.0.0.1", "--port", Integer.toString(TestHosts.closedPort()),
                "--database", "shop", "--user", "app", "--password-source", "none");
        Run test = run("profiles", "test", "down");
        assertThat(test.exit()).isEqualTo(1);
        assertThat(test.err()).contains("profile 'down'").contains("check the host and port settings");
    }

    @Test
    void theLocalDemoConnectsToThePostgresOnThisMachine() {
        Run test = run("profiles", "test");
        assertThat(test.exit()).as(test.err()).isZero();
        assertThat(test.out()).startsWith("ok  Local demo");
    }

    @Test
    void anUnreadableProfilesFileIsReportedOnStderrAndKept() throws IOException {
        Path file = home.resolve("config/profiles.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{ not json");

        Run list = run("profiles", "list");

        assertThat(list.exit()).isZero();
        assertThat(list.err()).startsWith("warning: profiles.json could not be read").contains("unreadable-");
        assertThat(list.out()).contains("Local demo");
        try (var aside = Files.list(file.getParent())) {
            assertThat(aside.filter(p -> p.getFileName().toString().startsWith("profiles.json.unreadable-")))
                    .singleElement().satisfies(p -> assertThat(p).hasContent("{ not json"));
        }
    }

    @Test
    void aProfileSaysWhichPoolerItGoesThrough() {
        assertThat(cli().run("profiles", "add", "pooled", "--host", "127.0.0.1", "--port", "6432", "--database", "shop",
                "--user", "app", "--pooler", "transaction").exit()).isZero();
        assertThat(cli().run("profiles", "show", "pooled").out()).contains("transaction");
        assertThat(cli().run("profiles", "add", "sf", "--uri", "postgres://app@x.postgres.snowflake.app:5431/postgres").exit()).isZero();
        assertThat(cli().run("profiles", "show", "sf").out()).as("Snowflake Postgres's pooler port").contains("transaction");

        Run bad = cli().run("profiles", "add", "bad", "--host", "h", "--database", "d", "--user", "u", "--pooler", "statement");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("pooler: 'statement' is not one of none, session, transaction");
    }

    @Test
    void removingAProdProfileNeedsItsNameTyped() {
        run("profiles", "add", "orders-prod", "--host", "db.example", "--database", "shop", "--user", "app", "--env", "prod");
        Run refused = run("profiles", "remove", "orders-prod");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("--confirm 'orders-prod'");
        assertThat(run("profiles", "remove", "orders-prod", "--confirm", "orders-prod").exit()).isZero();
    }

    @Test
    void secretsNeverReachTheOutputOrTheFiles() throws IOException {
        variables.put("SHOP_PW", "hunter2-secret");
        Run add = run("profiles", "add", "sf", "--uri", "postgres://app:uri-secret@db.example:5432/shop", "--password-env", "SHOP_PW");
        assertThat(add.err()).contains("does not store it").doesNotContain("uri-secret");
        Run show = run("profiles", "show", "sf");
        assertThat(show.out()).contains("environment variable (SHOP_PW)").doesNotContain("hunter2-secret");
        Path export = home.resolve("export.json");
        run("profiles", "export", export.toString());

        for (Path file : new Path[]{export, home.resolve("config/profiles.json")}) {
            assertThat(Files.readString(file)).contains("SHOP_PW").doesNotContain("hunter2-secret").doesNotContain("uri-secret");
        }
    }

    @Test
    void importsFromTheEnvironmentConnectionsTomlAndAnExport() throws IOException {
        variables.put("PGHOST", "abc.postgres.snowflake.app");
        variables.put("PGUSER", "snowflake_admin");
        Run env = run("profiles", "import-env", "--name", "sfpg", "--env", "prod");
        assertThat(env.exit()).as(env.err()).isZero();
        assertThat(run("profiles", "show", "sfpg").out()).contains("sslmode           require");

        Path toml = home.resolve("connections.toml");
        Files.writeString(toml, "[dev]\naccount = \"acme-dev\"\nuser = \"alice\"\n[prod]\naccount = \"acme-prod\"\nuser = \"bob\"\n");
        Run sf = run("profiles", "import-snowflake", "--file", toml.toString());
        assertThat(sf.out()).contains("saved profile 'dev'").contains("saved profile 'prod'");
        assertThat(run("profiles", "import-snowflake", "--file", toml.toString()).err()).contains("skipped 'dev'");

        Path export = home.resolve("all.json");
        run("profiles", "export", export.toString());
        run("profiles", "remove", "dev");
        Run imported = run("profiles", "import", export.toString());
        assertThat(imported.out()).contains("imported 1 profile(s)");
        assertThat(imported.err()).contains("skipped 'prod'");
        assertThat(run("profiles", "list", "--format", "json").out()).as("the snake_case keys of every --format json")
                .startsWith("[").contains("\"cli_connection_name\" : \"dev\"").doesNotContain("cliConnectionName");
    }
}
