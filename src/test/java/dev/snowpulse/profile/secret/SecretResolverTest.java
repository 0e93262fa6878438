package dev.snowpulse.profile.secret;

import dev.snowpulse.profile.SnowflakeSettings;
import dev.snowpulse.profile.SnowflakeAuthenticator;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.EnvironmentKind;
import dev.snowpulse.profile.Environment;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.app.HostEnvironment;
import dev.snowpulse.testing.InMemoryKeychain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretResolverTest {

    @TempDir
    Path home;

    private final InMemoryKeychain keychain = new InMemoryKeychain(true);
    private final SessionSecrets session = new SessionSecrets();
    private final Map<String, String> variables = new HashMap<>();

    private final ConnectionProfile auto = profile(SecretRef.auto());

    @BeforeEach
    void pgpass() throws IOException {
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "db.example:5432:shop:app:from-pgpass\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
    }

    private SecretResolver resolver() {
        return new SecretResolver(new HostEnvironment(variables, home, "Linux"), keychain, session);
    }

    private static ConnectionProfile profile(SecretRef secret) {
        return new ConnectionProfile("shop", Environment.of(EnvironmentKind.DEV),
                new PostgresSettings("db.example", 5432, "shop", "app", null, null, null, secret));
    }

    @Test
    void autoTriesPromptThenKeychainThenEnvironmentThenPgpass() {
        assertThat(resolver().resolve(auto).origin()).isEqualTo(SecretOrigin.PGPASS);
        assertThat(resolver().resolve(auto).secret()).map(Secret::value).contains("from-pgpass");

        variables.put("PGPASSWORD", "from-env");
        assertThat(resolver().resolve(auto).secret()).map(Secret::value).contains("from-env");

        keychain.store("shop", new Secret("from-keychain"));
        assertThat(resolver().resolve(auto).secret()).map(Secret::value).contains("from-keychain");

        session.put("shop", new Secret("typed"));
        ResolvedSecret typed = resolver().resolve(auto);
        assertThat(typed.secret()).map(Secret::value).contains("typed");
        assertThat(typed.origin()).isEqualTo(SecretOrigin.PROMPT);
    }

    @Test
    void autoWithNothingFoundConnectsWithoutAPassword() throws IOException {
        Files.delete(home.resolve(".pgpass"));
        ResolvedSecret none = resolver().resolve(auto);
        assertThat(none.isMissing()).isFalse();
        assertThat(none.secret()).isEmpty();
        assertThat(none.origin()).isEqualTo(SecretOrigin.NOT_NEEDED);
    }

    @Test
    void anUnavailableKeychainIsSkipped() {
        variables.put("PGPASSWORD", "from-env");
        SecretResolver withoutKeychain = new SecretResolver(new HostEnvironment(variables, home, "Linux"), new InMemoryKeychain(false), session);
        assertThat(withoutKeychain.resolve(auto).origin()).isEqualTo(SecretOrigin.ENVIRONMENT);
        assertThat(withoutKeychain.resolve(profile(SecretRef.of(SecretSource.KEYCHAIN))).detail())
                .contains("not available here").contains("choose another password source");
    }

    @Test
    void anExplicitSourceIsTheOnlyOneAsked() {
        variables.put("PGPASSWORD", "from-env");
        variables.put("SHOP_PW", "named");
        keychain.store("shop", new Secret("from-keychain"));

        assertThat(resolver().resolve(profile(SecretRef.of(SecretSource.PGPASS))).secret()).map(Secret::value).contains("from-pgpass");
        assertThat(resolver().resolve(profile(SecretRef.environment("SHOP_PW"))).secret()).map(Secret::value).contains("named");
        assertThat(resolver().resolve(profile(SecretRef.of(SecretSource.NONE))).secret()).isEmpty();

        ResolvedSecret prompt = resolver().resolve(profile(SecretRef.of(SecretSource.PROMPT)));
        assertThat(prompt.isMissing()).isTrue();
        assertThat(prompt.promptable()).isTrue();

        ResolvedSecret unset = resolver().resolve(profile(SecretRef.environment("NOT_SET")));
        assertThat(unset.isMissing()).isTrue();
        assertThat(unset.detail()).contains("NOT_SET is not set");
    }

    @Test
    void snowflakeTokensComeFromTheirOwnVariableAndOtherwiseNeedAPrompt() {
        ConnectionProfile pat = new ConnectionProfile("sf", Environment.of(EnvironmentKind.DEV), new SnowflakeSettings(
                "acme-x", "u", null, null, null, null, null, SnowflakeAuthenticator.PROGRAMMATIC_ACCESS_TOKEN, null, null, SecretRef.auto()));
        ResolvedSecret missing = resolver().resolve(pat);
        assertThat(missing.isMissing()).isTrue();
        assertThat(missing.promptable()).isTrue();
        assertThat(missing.detail()).contains("SNOWFLAKE_TOKEN");

        variables.put("SNOWFLAKE_TOKEN", "pat-value");
        assertThat(resolver().resolve(pat).secret()).map(Secret::value).contains("pat-value");

        ConnectionProfile sso = new ConnectionProfile("sso", Environment.of(EnvironmentKind.DEV), new SnowflakeSettings(
                "acme-x", "u", null, null, null, null, null, SnowflakeAuthenticator.EXTERNAL_BROWSER, null, null, null));
        assertThat(resolver().resolve(sso).origin()).isEqualTo(SecretOrigin.NOT_NEEDED);
    }
}
