package dev.snowpulse.cli;

import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.EnvironmentKind;
import dev.snowpulse.profile.store.ProfileStore;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.testing.CliRunner;
import dev.snowpulse.testing.CliRunner.Run;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** No path around the prod guard: an import over a prod profile, and running a prod pipeline's due tasks. */
class ProdGuardCliTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path home;

    @Test
    void importingOverAProdProfileSaysWhatChangesAndNeedsItsName() throws Exception {
        CliRunner cli = new CliRunner(home);
        PostgresSettings db = pg.freshDatabase();
        assertThat(cli.addProfile("shop-prod", "prod", db).exit()).isZero();
        Path export = home.resolve("prod.json");
        assertThat(cli.run("profiles", "export", export.toString(), "shop-prod").exit()).isZero();
        Files.writeString(export, Files.readString(export).replace("\"PROD\"", "\"DEV\"")
                .replace("\"database\" : \"" + db.database() + "\"", "\"database\" : \"elsewhere\""));

        Run refused = cli.run("profiles", "import", export.toString(), "--replace");

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("replacing prod profile 'shop-prod'")
                .contains("database " + db.database() + " → elsewhere").contains("environment PROD → DEV")
                .contains("--confirm 'shop-prod'");
        assertThat(profile("shop-prod").isProd()).as("nothing was written").isTrue();

        Run confirmed = cli.run("profiles", "import", export.toString(), "--replace", "--confirm", "shop-prod");

        assertThat(confirmed.exit()).as(confirmed.err()).isZero();
        assertThat(confirmed.out()).contains("replaced profile 'shop-prod': database " + db.database() + " → elsewhere");
        assertThat(profile("shop-prod").environment().kind()).isEqualTo(EnvironmentKind.DEV);
    }

    @Test
    void thePipelineSchedulerOnAProdProfileNeedsItsNameAndADatabaseItIgnoresIsRefused() throws Exception {
        CliRunner cli = new CliRunner(home);
        PostgresSettings db = pg.freshDatabase();
        cli.addProfile("shop-prod", "prod", db);

        Run refused = cli.run("--profile", "shop-prod", "pipeline", "scheduler", "--once");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("refused on prod profile 'shop-prod'").contains("--confirm 'shop-prod'");

        Run confirmed = cli.run("--profile", "shop-prod", "pipeline", "scheduler", "--once", "--confirm", "shop-prod");
        assertThat(confirmed.exit()).as(confirmed.err()).isZero();
        assertThat(confirmed.out()).contains("nothing due");

        Run otherDatabase = cli.run("--profile", "shop-prod", "pipeline", "status", "--database", "OTHER_DB");
        assertThat(otherDatabase.exit()).isNotZero();
        assertThat(otherDatabase.err()).contains("--database").contains("the profile's own database ('" + db.database() + "')");
    }

    private ConnectionProfile profile(String name) {
        return ProfileStore.open(home.resolve("config/profiles.json")).find(name).orElseThrow();
    }
}
