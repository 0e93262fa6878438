package dev.snowpulse.pipeline.snowflake;

import dev.snowpulse.db.SnowflakeDriver;
import dev.snowpulse.db.SnowflakeTargets;
import dev.snowpulse.pipeline.deploy.DeployOptions;
import dev.snowpulse.pipeline.LayerCount;
import dev.snowpulse.profile.secret.Secret;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SnowflakeAuthenticator;
import dev.snowpulse.profile.SnowflakeSettings;
import dev.snowpulse.testing.FakeRetailPipeline;
import dev.snowpulse.testing.FakeSnowflake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each way a Snowflake profile signs in, through the real driver, reaching the pipeline on the fake endpoint. */
class SnowflakeAuthenticationTest {

    private FakeSnowflake snowflake;

    @BeforeEach
    void start() throws Exception {
        snowflake = new FakeSnowflake();
        new FakeRetailPipeline(snowflake).deployed();
    }

    @AfterEach
    void stop() {
        snowflake.close();
    }

    private List<LayerCount> summaryAs(SnowflakeSettings settings, Secret secret) throws Exception {
        try (SnowflakePipelineGateway gateway = new SnowflakePipelineGateway(SnowflakeDriver.classPath(),
                SnowflakeTargets.of(settings, Optional.ofNullable(secret), Duration.ofSeconds(10)), DeployOptions.defaults())) {
            return gateway.summary();
        }
    }

    private SnowflakeSettings settings(SnowflakeAuthenticator authenticator, String keyFile) {
        return new SnowflakeSettings("testacct", "bob", null, null, null, null, snowflake.url(), authenticator, keyFile,
                null, SecretRef.auto());
    }

    @Test
    void aKeyPairSignsInWithAJwtTheServerVerifies(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path key = dir.resolve("rsa_key.p8");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        snowflake.publicKey("bob", pair.getPublic());

        assertThat(summaryAs(settings(SnowflakeAuthenticator.KEY_PAIR, key.toString()), null)).isNotEmpty();
        assertThat(snowflake.logins().getLast().path("AUTHENTICATOR").asText()).isEqualToIgnoringCase("SNOWFLAKE_JWT");

        KeyPair other = generator.generateKeyPair();
        snowflake.publicKey("bob", other.getPublic());
        assertThatThrownBy(() -> summaryAs(settings(SnowflakeAuthenticator.KEY_PAIR, key.toString()), null))
                .hasMessageContaining("error 390100").hasMessageContaining("Check the profile's user");
    }

    @Test
    void aProgrammaticAccessTokenSignsIn() throws Exception {
        snowflake.token("bob", "pat-123");

        assertThat(summaryAs(settings(SnowflakeAuthenticator.PROGRAMMATIC_ACCESS_TOKEN, null), new Secret("pat-123"))).isNotEmpty();
        assertThat(snowflake.logins().getLast().path("AUTHENTICATOR").asText()).isEqualToIgnoringCase("PROGRAMMATIC_ACCESS_TOKEN");
        assertThatThrownBy(() -> summaryAs(settings(SnowflakeAuthenticator.PROGRAMMATIC_ACCESS_TOKEN, null), new Secret("pat-999")))
                .hasMessageNotContaining("pat-999");
    }

    @Test
    void aProfileNamingAConnectionInConnectionsTomlSignsInWithWhatTheFileHolds() throws Exception {
        Path home = Path.of(System.getenv("SNOWFLAKE_HOME"));
        Files.createDirectories(home);
        Path toml = home.resolve("connections.toml");
        Files.writeString(toml, """
                [pipeline_fake]
                account = "testacct"
                user = "carol"
                password = "from-the-toml"
                host = "127.0.0.1"
                port = "%d"
                protocol = "http"
                disablePlatformDetection = "true"
                """.formatted(snowflake.port()));
        Files.setPosixFilePermissions(toml, PosixFilePermissions.fromString("rw-------"));
        snowflake.user("carol", "from-the-toml");

        SnowflakeSettings settings = new SnowflakeSettings(null, null, null, null, null, null, null,
                SnowflakeAuthenticator.CLI_CONNECTION, null, "pipeline_fake", SecretRef.auto());

        assertThat(summaryAs(settings, null)).isNotEmpty();
        assertThat(snowflake.logins().getLast().path("LOGIN_NAME").asText()).isEqualToIgnoringCase("carol");
    }
}
