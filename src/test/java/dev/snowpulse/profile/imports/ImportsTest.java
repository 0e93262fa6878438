package dev.snowpulse.profile.imports;

import dev.snowpulse.testing.SampleProfiles;
import dev.snowpulse.profile.SslMode;
import dev.snowpulse.profile.SnowflakeSettings;
import dev.snowpulse.profile.SnowflakeAuthenticator;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.ProdGuard;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.EnvironmentKind;
import dev.snowpulse.profile.Environment;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.app.JsonFiles;
import dev.snowpulse.app.HostEnvironment;
import dev.snowpulse.app.AppDirectories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportsTest {

    @TempDir
    Path home;

    @Test
    void everyConnectionInConnectionsTomlBecomesAProfileWithoutItsSecrets() throws IOException {
        Path snowflakeHome = home.resolve("sfhome");
        Files.createDirectories(snowflakeHome);
        Files.writeString(snowflakeHome.resolve("connections.toml"), """
                [default]
                account = "myorg-dev"
                user = "alice"
                password = "do-not-copy"
                warehouse = "COMPUTE_WH"
                role = "SYSADMIN"

                [prod]
                account = "myorg-prod"
                user = "loader"
                authenticator = "SNOWFLAKE_JWT"
                private_key_file = "/keys/rsa.p8"
                database = "RETAIL_STREAMING_DEMO"
                schema = "S1_RAW_DATA"
                port = "443"
                """);
        HostEnvironment host = new HostEnvironment(Map.of("SNOWFLAKE_HOME", snowflakeHome.toString()), home, "Linux");

        List<SnowflakeCliConnections.Entry> entries = SnowflakeCliConnections.read(SnowflakeCliConnections.location(host));

        assertThat(entries).extracting(SnowflakeCliConnections.Entry::name).containsExactly("default", "prod");
        SnowflakeSettings prod = entries.get(1).settings();
        assertThat(prod.authenticator()).isEqualTo(SnowflakeAuthenticator.CLI_CONNECTION);
        assertThat(prod.cliConnectionName()).isEqualTo("prod");
        assertThat(prod.account()).isEqualTo("myorg-prod");
        assertThat(prod.database()).isEqualTo("RETAIL_STREAMING_DEMO");
        assertThat(entries.toString()).doesNotContain("do-not-copy");
        assertThat(JsonFiles.mapper().writeValueAsString(entries)).doesNotContain("do-not-copy");
    }

    @Test
    void withoutSnowflakeHomeTheFileIsInDotSnowflake() {
        assertThat(SnowflakeCliConnections.location(new HostEnvironment(Map.of(), home, "Linux")))
                .isEqualTo(home.resolve(".snowflake/connections.toml"));
    }

    @Test
    void aMissingOrBrokenConnectionsTomlSaysWhere() throws IOException {
        assertThatThrownBy(() -> SnowflakeCliConnections.read(home.resolve("nope.toml"))).hasMessageContaining("no Snowflake CLI connections at");
        Path broken = home.resolve("broken.toml");
        Files.writeString(broken, "[default\naccount = ");
        assertThatThrownBy(() -> SnowflakeCliConnections.read(broken)).hasMessageContaining("is not valid TOML");
    }

    @Test
    void pgVariablesBecomeAProfileAndThePasswordStaysInTheEnvironment() {
        HostEnvironment host = new HostEnvironment(Map.of("PGHOST", "abc.postgres.snowflake.app", "PGPORT", "5432",
                "PGUSER", "snowflake_admin", "PGDATABASE", "postgres", "PGPASSWORD", "s3cret", "PGAPPNAME", "loader"), home, "Linux");

        ConnectionProfile profile = PgEnvironmentImport.profile(host, null, Environment.of(EnvironmentKind.STAGING));

        assertThat(profile.name()).isEqualTo("env-abc.postgres.snowflake.app");
        PostgresSettings pg = (PostgresSettings) profile.connection();
        assertThat(pg.sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(pg.user()).isEqualTo("snowflake_admin");
        assertThat(pg.applicationName()).isEqualTo("loader");
        assertThat(pg.password()).isEqualTo(SecretRef.environment("PGPASSWORD"));
        assertThat(profile.toString()).doesNotContain("s3cret");
    }

    @Test
    void importingWithoutPghostSaysWhatToExport() {
        assertThatThrownBy(() -> PgEnvironmentImport.profile(new HostEnvironment(Map.of(), home, "Linux"), null, Environment.of(EnvironmentKind.DEV)))
                .hasMessageContaining("PGHOST is not set");
        assertThatThrownBy(() -> PgEnvironmentImport.settings(new HostEnvironment(Map.of("PGHOST", "h", "PGPORT", "x"), home, "Linux")))
                .hasMessageContaining("PGPORT: 'x' is not a port number");
    }

    @Test
    void directoriesFollowXdgAndTheDesktopConventions() {
        AppDirectories linux = AppDirectories.of(new HostEnvironment(Map.of("XDG_CONFIG_HOME", "/xdg/config"), home, "Linux"));
        assertThat(linux.config()).isEqualTo(Path.of("/xdg/config/snowpulse"));
        assertThat(linux.data()).isEqualTo(home.resolve(".local/share/snowpulse"));
        assertThat(AppDirectories.of(new HostEnvironment(Map.of("XDG_CONFIG_HOME", "relative"), home, "Linux")).config())
                .isEqualTo(home.resolve(".config/snowpulse"));
        assertThat(AppDirectories.of(new HostEnvironment(Map.of(), home, "Mac OS X")).config())
                .isEqualTo(home.resolve("Library/Application Support/SnowPulse"));
        assertThat(AppDirectories.of(new HostEnvironment(Map.of("APPDATA", "C:/R", "LOCALAPPDATA", "C:/L"), home, "Windows 11")))
                .isEqualTo(new AppDirectories(Path.of("C:/R/SnowPulse"), Path.of("C:/L/SnowPulse")));
    }

    @Test
    void theProdGuardWantsTheExactName() {
        ProdGuard guard = new ProdGuard();
        ConnectionProfile prod = SampleProfiles.postgres("orders-prod", EnvironmentKind.PROD);
        ConnectionProfile dev = SampleProfiles.postgres("orders-dev", EnvironmentKind.DEV);

        assertThat(guard.check(dev, "Initialise the schema", null).allowed()).isTrue();
        assertThat(guard.check(prod, "Initialise the schema", null).allowed()).isFalse();
        assertThat(guard.check(prod, "Initialise the schema", "orders-PROD").message()).contains("does not match");
        assertThat(guard.check(prod, "Initialise the schema", " orders-prod ").allowed()).isTrue();
    }
}
