package dev.snowpulse.profile.secret;

import dev.snowpulse.app.EnvVar;
import dev.snowpulse.profile.SnowflakeSettings;
import dev.snowpulse.profile.SnowflakeAuthenticator;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.app.HostEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a profile's secret where the profile says it lives. For {@link SecretSource#AUTO} the order is:
 * this session's prompt answer, the OS keychain, the environment variable, the password file (Postgres only);
 * when none has one, a Postgres profile connects without a password (trust or certificate authentication)
 * and a Snowflake profile asks for a prompt.
 */
public final class SecretResolver {

    private final HostEnvironment host;
    private final Keychain keychain;
    private final SessionSecrets session;

    public SecretResolver(HostEnvironment host, Keychain keychain, SessionSecrets session) {
        this.host = host;
        this.keychain = keychain;
        this.session = session;
    }

    public SessionSecrets session() {
        return session;
    }

    public Keychain keychain() {
        return keychain;
    }

    public ResolvedSecret resolve(ConnectionProfile profile) {
        return switch (profile.connection()) {
            case PostgresSettings pg -> resolvePostgres(profile.name(), pg);
            case SnowflakeSettings sf -> resolveSnowflake(profile.name(), sf);
        };
    }

    private ResolvedSecret resolvePostgres(String name, PostgresSettings pg) {
        String variable = pg.password().environmentVariable() != null ? pg.password().environmentVariable() : EnvVar.PGPASSWORD.name();
        return switch (pg.password().source()) {
            case NONE -> ResolvedSecret.notNeeded("the profile uses no password");
            case PROMPT -> fromSession(name).orElseGet(() -> ResolvedSecret.missing(
                    "profile '" + name + "' asks for its password when connecting", true));
            case KEYCHAIN -> fromKeychain(name).orElseGet(() -> ResolvedSecret.missing(
                    keychainMissing(name), false));
            case ENVIRONMENT -> fromEnvironment(variable).orElseGet(() -> ResolvedSecret.missing(
                    "environment variable " + variable + " is not set; set it or change the profile's password source", false));
            case PGPASS -> {
                PgPassFile.Lookup lookup = pgPass(pg);
                yield lookup.password().map(s -> ResolvedSecret.found(s, SecretOrigin.PGPASS, PgPassFile.location(host).toString()))
                        .orElseGet(() -> ResolvedSecret.missing(lookup.warning() != null ? lookup.warning()
                                : "no line in " + PgPassFile.location(host) + " matches " + pgPassKey(pg), false));
            }
            case AUTO -> fromSession(name)
                    .or(() -> fromKeychain(name))
                    .or(() -> fromEnvironment(variable))
                    .orElseGet(() -> {
                        PgPassFile.Lookup lookup = pgPass(pg);
                        return lookup.password().map(s -> ResolvedSecret.found(s, SecretOrigin.PGPASS, PgPassFile.location(host).toString()))
                                .orElseGet(() -> ResolvedSecret.notNeeded("no password found; trying without one"
                                        + (lookup.warning() == null ? "" : " (" + lookup.warning() + ")")));
                    });
        };
    }

    private ResolvedSecret resolveSnowflake(String name, SnowflakeSettings sf) {
        if (!sf.authenticator().needsSecret()) {
            return ResolvedSecret.notNeeded(sf.authenticator() == SnowflakeAuthenticator.CLI_CONNECTION
                    ? "the driver reads connection '" + sf.cliConnectionName() + "' from connections.toml"
                    : "signs in through the browser");
        }
        if (sf.authenticator() == SnowflakeAuthenticator.KEY_PAIR && sf.secret().source() == SecretSource.NONE) {
            return ResolvedSecret.notNeeded("the private key has no passphrase");
        }
        String variable = sf.secret().environmentVariable() != null ? sf.secret().environmentVariable() : sf.authenticator().defaultVariable();
        String what = sf.authenticator() == SnowflakeAuthenticator.PASSWORD ? "password"
                : sf.authenticator() == SnowflakeAuthenticator.KEY_PAIR ? "key passphrase" : "token";
        return switch (sf.secret().source()) {
            case NONE, PGPASS -> ResolvedSecret.missing("profile '" + name + "' needs a " + what
                    + "; choose keychain, environment variable or prompt as its source", false);
            case PROMPT -> fromSession(name).orElseGet(() -> ResolvedSecret.missing(
                    "profile '" + name + "' asks for its " + what + " when connecting", true));
            case KEYCHAIN -> fromKeychain(name).orElseGet(() -> ResolvedSecret.missing(keychainMissing(name), false));
            case ENVIRONMENT -> fromEnvironment(variable).orElseGet(() -> ResolvedSecret.missing(
                    "environment variable " + variable + " is not set; set it or change the profile's " + what + " source", false));
            case AUTO -> fromSession(name)
                    .or(() -> fromKeychain(name))
                    .or(() -> fromEnvironment(variable))
                    .orElseGet(() -> ResolvedSecret.missing("no " + what + " for profile '" + name + "' in the keychain or "
                            + variable + "; type it at the prompt or set " + variable, true));
        };
    }

    private String keychainMissing(String name) {
        return keychain.isAvailable()
                ? "the OS keychain holds no secret for profile '" + name + "'; store one from the Connections tab"
                : "the OS keychain is not available here (" + keychain.unavailableReason() + "); choose another password source";
    }

    private Optional<ResolvedSecret> fromSession(String name) {
        return session.get(name).map(s -> ResolvedSecret.found(s, SecretOrigin.PROMPT, ""));
    }

    private Optional<ResolvedSecret> fromKeychain(String name) {
        return keychain.isAvailable()
                ? keychain.read(name).map(s -> ResolvedSecret.found(s, SecretOrigin.KEYCHAIN, ""))
                : Optional.empty();
    }

    private Optional<ResolvedSecret> fromEnvironment(String variable) {
        return host.variable(variable).map(v -> ResolvedSecret.found(new Secret(v), SecretOrigin.ENVIRONMENT, variable));
    }

    private PgPassFile.Lookup pgPass(PostgresSettings pg) {
        Path file = PgPassFile.location(host);
        try {
            return PgPassFile.lookup(file, pg.host(), pg.port(), pg.database(), pg.user());
        } catch (IOException e) {
            return new PgPassFile.Lookup(Optional.empty(), "password file \"" + file + "\" cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** The line libpq would look for, as the user writes it in the file. */
    private static String pgPassKey(PostgresSettings pg) {
        return pg.host() + ":" + pg.port() + ":" + pg.database() + ":" + pg.user();
    }
}
