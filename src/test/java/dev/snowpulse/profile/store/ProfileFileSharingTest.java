package dev.snowpulse.profile.store;

import dev.snowpulse.profile.SslMode;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.EnvironmentKind;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.testing.CliProcess;
import dev.snowpulse.testing.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** profiles.json shared by the app and CLI runs in other processes, as a user has them side by side. */
class ProfileFileSharingTest {

    @TempDir
    Path home;

    @Test
    void theCliAndTheAppWritingAtOnceLoseNothing() throws Exception {
        Path file = home.resolve(".config/snowpulse/profiles.json");
        ProfileStore app = ProfileStore.open(file);
        ConnectionProfile mine = ProfileStoreTest.postgres("app-edited", EnvironmentKind.DEV);
        app.save(null, mine);

        // HOME names the home; no XDG variable, no SNOWPULSE_CONFIG_DIR: the CLI must find the same file
        Map<String, String> environment = Map.of("HOME", home.toString(), "PGHOST", "env.example", "PGDATABASE", "shop",
                "PGUSER", "env-user");
        List<CliProcess> cli = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            cli.add(CliProcess.start(home.resolve("runs"), environment, "profiles", "add", "cli-" + i, "--host", "db" + i + ".example",
                    "--database", "shop", "--user", "u" + i, "--password-source", "none"));
        }
        cli.add(CliProcess.start(home.resolve("runs"), environment, "profiles", "import-env", "--name", "from-env"));

        // the app keeps saving its own edits while the CLI runs write
        int port = 5432;
        while (cli.stream().anyMatch(CliProcess::isAlive)) {
            ConnectionProfile base = app.find("app-edited").orElseThrow();
            ConnectionProfile edited = new ConnectionProfile(base.name(), base.environment(),
                    new PostgresSettings("db.example", ++port, "shop", "app", SslMode.PREFER, null, null, SecretRef.auto()));
            app.saveEdit(base, edited);
        }
        for (CliProcess run : cli) {
            CliRunner.Run done = run.await();
            assertThat(done.exit()).as(done.err()).isZero();
        }
        ConnectionProfile lastEdit = app.find("app-edited").orElseThrow();
        app.save("app-edited", lastEdit);

        List<String> names = ProfileStore.open(file).list().stream().map(ConnectionProfile::name).toList();
        assertThat(names).containsExactlyInAnyOrder("app-edited", "cli-1", "cli-2", "cli-3", "from-env");
        assertThat(ProfileStore.open(file).find("app-edited")).contains(lastEdit);
        assertThat(app.list()).extracting(ConnectionProfile::name).containsExactlyInAnyOrderElementsOf(names);
        assertThat(Files.exists(home.resolve(".config/snowpulse/profiles.json"))).isTrue();
    }
}
