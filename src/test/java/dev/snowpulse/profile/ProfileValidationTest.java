package dev.snowpulse.profile;

import dev.snowpulse.profile.secret.SecretOrigin;
import dev.snowpulse.profile.secret.Secret;
import dev.snowpulse.profile.secret.ResolvedSecret;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileValidationTest {

    private static PostgresSettings pg(String host, int port) {
        return new PostgresSettings(host, port, "postgres", "postgres", null, null, null, null);
    }

    @Test
    void environmentsCarryTheirColourAndACustomOneNeedsAName() {
        assertThat(Environment.of(EnvironmentKind.PROD).colour()).isEqualTo("#C62828");
        assertThat(Environment.of(EnvironmentKind.PROD).isProd()).isTrue();
        assertThat(new Environment(EnvironmentKind.CUSTOM, "qa", "#123abc").colour()).isEqualTo("#123ABC");
        assertThatThrownBy(() -> new Environment(EnvironmentKind.CUSTOM, " ", null)).hasMessageContaining("custom environment needs a name");
        assertThatThrownBy(() -> new Environment(EnvironmentKind.DEV, null, "red")).hasMessageContaining("'red' is not a colour");
    }

    @Test
    void postgresSettingsNameTheFieldToFix() {
        assertThatThrownBy(() -> pg("", 5432)).hasMessageStartingWith("host: required");
        assertThatThrownBy(() -> pg("db", 0)).hasMessageStartingWith("port: 0 is outside 1..65535");
        assertThatThrownBy(() -> pg("bad host!", 5432)).hasMessageStartingWith("host: 'bad host!'");
        assertThatThrownBy(() -> new PostgresSettings("h", 5432, "", "u", null, null, null, null)).hasMessageStartingWith("database: required");
        assertThatThrownBy(() -> new PostgresSettings("h", 5432, "d", " ", null, null, null, null)).hasMessageStartingWith("user: required");
    }

    @Test
    void snowflakePostgresHostsDefaultToRequire() {
        assertThat(pg("abc.sfc.aws.postgres.snowflake.app", 5432).sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(pg("127.0.0.1", 5432).sslMode()).isEqualTo(SslMode.PREFER);
    }

    @Test
    void snowflakeSettingsNeedWhatTheirAuthenticatorNeeds() {
        assertThatThrownBy(() -> new SnowflakeSettings(null, "u", null, null, null, null, null, SnowflakeAuthenticator.PASSWORD, null, null, null))
                .hasMessageStartingWith("account: required");
        assertThatThrownBy(() -> new SnowflakeSettings("acme-x", "u", null, null, null, null, null, SnowflakeAuthenticator.KEY_PAIR, null, null, null))
                .hasMessageStartingWith("private key file: required");
        assertThatThrownBy(() -> new SnowflakeSettings(null, null, null, null, null, null, null, SnowflakeAuthenticator.CLI_CONNECTION, null, " ", null))
                .hasMessageStartingWith("connection name: required");
        SnowflakeSettings cli = new SnowflakeSettings(null, null, null, null, null, null, null, SnowflakeAuthenticator.CLI_CONNECTION, null, "default", null);
        assertThat(cli.summary()).isEqualTo("connections.toml: default");
    }

    @Test
    void profileNamesAreRequiredAndBounded() {
        assertThatThrownBy(() -> new ConnectionProfile(" ", Environment.of(EnvironmentKind.DEV), pg("h", 1))).hasMessageStartingWith("name: required");
        assertThatThrownBy(() -> new ConnectionProfile("x".repeat(65), Environment.of(EnvironmentKind.DEV), pg("h", 1))).hasMessageContaining("at most 64");
    }

    @Test
    void aSecretNeverShowsItsValue() {
        assertThat(new Secret("hunter2").toString()).doesNotContain("hunter2");
        assertThat(new ResolvedSecret(java.util.Optional.of(new Secret("hunter2")), SecretOrigin.ENVIRONMENT, "PGPASSWORD", false).toString())
                .doesNotContain("hunter2");
    }
}
